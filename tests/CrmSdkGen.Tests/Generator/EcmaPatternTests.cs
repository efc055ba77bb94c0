using CrmSdkGen.Model.Mapping;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>ECMA-262 patterns with identity escapes, which JavaScript reads as the letter and .NET refuses or reads otherwise.</summary>
public sealed class EcmaPatternTests
{
    [Theory]
    [InlineData(@"^[a-zA-Z0-9\-\_]+$", @"^[a-zA-Z0-9\-_]+$")]
    [InlineData(@"^\d+\.\w\s\b\B\D\W\S$", @"^\d+\.\w\s\b\B\D\W\S$")]
    [InlineData(@"\x41\u0042\cJ\n\r\t\f\v\0\1\k<n>\p{L}\P{L}", @"\x41\u0042\cJ\n\r\t\f\v\0\1\k<n>\p{L}\P{L}")]
    [InlineData(@"\a\e\A\Z\z\G\i\_", "aeAZzGi_")]
    [InlineData(@"\\_\\", @"\\_\\")]
    [InlineData(@"ends with \", @"ends with \")]
    [InlineData("no escapes", "no escapes")]
    public void Identity_escapes_lose_their_backslash_and_real_escapes_stay(string ecma, string dotNet)
    {
        Assert.Equal(dotNet, EcmaPattern.ToDotNet(ecma));
    }

    [Fact]
    public void A_pattern_with_an_escaped_underscore_is_checked_as_JavaScript_reads_it()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Patterns, version: "1" }
            paths: {}
            components:
              schemas:
                Send:
                  type: object
                  properties:
                    batch_id: { type: string, pattern: '^[a-zA-Z0-9\-\_]+$' }
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var outcome = GeneratedCompilation.Run(result, """
            /// <summary>Validates batch ids.</summary>
            public static class Probe
            {
                /// <summary>Whether each id is valid.</summary>
                public static string Run() =>
                    new Test.Api.Models.Send { BatchId = "Ab-1_z" }.Validate().IsValid + "|" + new Test.Api.Models.Send { BatchId = "a b" }.Validate().IsValid;
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("True|False", outcome);
        Assert.Matches(EcmaPattern.ToDotNet(@"^[a-z\_]+$"), "x_y");
    }
}
