using System.Text.Json;
using CrmSdkGen.Runtime.Diff;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>V = (1/n) Σ |X_i − Y_i| on records checked by hand.</summary>
public sealed class DriftMeterTests
{
    private static readonly JsonElement[] Local = Records("""
        [
          {"id":"1","name":"Ada","score":10,"tags":["a"],"address":{"city":"London"}},
          {"id":"2","name":"Bob","score":0,"active":true},
          {"id":"3","name":"Cy"}
        ]
        """);

    private static readonly JsonElement[] Remote = Records("""
        [
          {"id":"1","name":"Ada L","score":7,"tags":["a"],"address":{"city":"Paris"}},
          {"id":"2","name":"Bob","score":0.0,"active":true,"phone":"+1"},
          {"id":"4","name":"Dee"}
        ]
        """);

    [Fact]
    public void Absolute_differences_by_hand()
    {
        // Record 1: id 0, name 1, score |10-7| = 3, tags 0, address/city 1 → 5 over 5 fields.
        // Record 2: id 0, name 0, score |0-0.0| = 0, active 0, phone missing on the left 1 → 1 over 5 fields.
        var report = DriftMeter.Compare(Local, Remote, "id");

        Assert.Equal(10, report.ComparedFields);
        Assert.Equal(0.6, report.Overall, 10);
        Assert.Equal(2, report.MatchedRecords);
        Assert.Equal(new[] { "3" }, report.OnlyInLeft);
        Assert.Equal(new[] { "4" }, report.OnlyInRight);
        Assert.Equal(1.5, report.Fields.Single(field => field.Path == "/score").Mean, 10);
        Assert.Equal(
            new[] { ("1", "/name"), ("1", "/score"), ("1", "/address/city"), ("2", "/phone") },
            report.Differences.Select(difference => (difference.Key, difference.Path)));
        var city = report.Differences.Single(difference => difference.Path == "/address/city");
        Assert.Equal(("\"London\"", "\"Paris\"", 1.0), (city.Left, city.Right, city.Distance));
    }

    [Fact]
    public void Normalised_numbers_weigh_at_most_one()
    {
        // Record 1's score becomes |10-7| / 10 = 0.3: (0 + 1 + 0.3 + 0 + 1 + 0 + 0 + 0 + 0 + 1) / 10.
        var report = DriftMeter.Compare(Local, Remote, "id", new DriftOptions { NormaliseNumbers = true });

        Assert.Equal(0.33, report.Overall, 10);
    }

    [Fact]
    public void Ignored_fields_are_left_out_and_identical_copies_have_no_drift()
    {
        var options = new DriftOptions();
        options.IgnoredFields.Add("/name");

        var report = DriftMeter.Compare(Local, Local, "id", options);

        Assert.Equal(0, report.Overall);
        Assert.Equal(8, report.ComparedFields);
        Assert.Empty(report.Differences);
    }

    [Fact]
    public void Semantic_equality_ignores_number_spelling_and_member_order()
    {
        var left = JsonDocument.Parse("""{"a":1,"b":[1.0,{"x":true,"y":null}]}""").RootElement;
        var right = JsonDocument.Parse("""{"b":[1,{"y":null,"x":true}],"a":1.00}""").RootElement;
        var other = JsonDocument.Parse("""{"b":[1,{"y":null,"x":false}],"a":1}""").RootElement;

        Assert.True(JsonEquality.AreSemanticallyEqual(left, right));
        Assert.False(JsonEquality.AreSemanticallyEqual(left, other));
    }

    private static JsonElement[] Records(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray();
}
