using Acme.Shapes.Models;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Validation;

namespace CrmSdkGen.Runtime.Tests;

/// <summary>A valid model validates without allocating, whatever it holds: unions, nested arrays, maps of models, nested models.</summary>
public sealed class AllocationFreeValidationTests
{
    public static TheoryData<string> ValidDeals => new()
    {
        """{"name":"Renewal","amount":1200.5,"owner":{"kind":"person","email":"ada@example.com","tags":["vip","emea"]},"stages":[["lead","won"],["open"]],"contacts":{"a":{"kind":"person","email":"grace@example.com"}},"scores":{"fit":3},"notes":[{"text":"call back","author":{"kind":"person","email":"alan@example.com"}}]}""",
        """{"name":"Expansion","amount":"1200","owner":{"kind":"team","members":[{"kind":"person","email":"ada@example.com"},{"kind":"person","email":"grace@example.com","tags":["x"]}]},"stages":[],"contacts":{},"notes":[]}""",
    };

    [Theory]
    [MemberData(nameof(ValidDeals))]
    public void Validating_a_valid_model_allocates_nothing(string json)
    {
        var deal = JsonModel.Parse<Deal>(json);
        Assert.Same(ValidationResult.Valid, deal.Validate());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = deal.Validate();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_union_and_nested_members_are_validated()
    {
        var deal = JsonModel.Parse<Deal>("""{"name":"","amount":"12","owner":{"kind":"team","members":[]},"stages":[["far too long a stage"]],"contacts":{"a":{"kind":"person","email":"not an email"}},"scores":{"fit":-2}}""");

        var paths = deal.Validate().Errors.Select(error => error.Path).ToHashSet();

        Assert.Contains("/name", paths);
        Assert.Contains("/owner/members", paths);
        Assert.Contains("/stages/0/0", paths);
        Assert.Contains("/contacts/a/email", paths);
        Assert.Contains("/scores/fit", paths);
    }
}
