using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Tests.Diff;

/// <summary>
/// Every enabled case of the public JSON Patch test suite (json-patch/json-patch-tests, SOURCES.md beside it): a case
/// with <c>expected</c> gives exactly that document, a case with <c>error</c> fails with <see cref="JsonPatchException"/>
/// and leaves the document as it was.
/// </summary>
public sealed class JsonPatchSuiteTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in new[] { "tests.json", "spec_tests.json" })
        {
            var cases = Load(file).EnumerateArray().ToList();
            for (var i = 0; i < cases.Count; i++)
            {
                if (cases[i].TryGetProperty("patch", out _) && !(cases[i].TryGetProperty("disabled", out var disabled) && disabled.GetBoolean()))
                {
                    data.Add(file, i);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_suite_has_its_108_enabled_cases()
    {
        Assert.Equal(108, Cases().Count());
        Assert.Equal(92, Cases().Count(row => (string)row[0] == "tests.json"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_case_gives_its_expected_document_or_its_error(string file, int index)
    {
        var testCase = Load(file)[index];
        var comment = testCase.TryGetProperty("comment", out var text) ? text.GetString() : null;
        var document = JsonNode.Parse(testCase.GetProperty("doc").GetRawText());
        var before = document?.ToJsonString();
        var patch = testCase.GetProperty("patch");

        if (testCase.TryGetProperty("error", out var error))
        {
            var failure = Assert.Throws<JsonPatchException>(() => JsonPatchApplier.Apply(document, patch));
            Assert.True(failure.Message.Length > 0, comment);
            Assert.Equal(before, document?.ToJsonString());
            return;
        }

        var result = JsonPatchApplier.Apply(document, patch);
        if (testCase.TryGetProperty("expected", out var expected))
        {
            Assert.True(JsonEquality.AreEqualAsJson(JsonElements.FromNode(result), expected), $"{comment}: {result?.ToJsonString() ?? "null"} is not {expected.GetRawText()}");
        }
    }

    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Diff", "JsonPatchSuite", file))).RootElement;
}
