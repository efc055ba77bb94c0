using Acme.Crm.Models;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>Drift between two copies of generated models, matched by their id.</summary>
public sealed class TypedDriftTests
{
    [Fact]
    public void Generated_models_are_compared_field_by_field()
    {
        var local = new[] { Contact("c1", "ada@example.com", 10), Contact("c2", "bob@example.com", 5) };
        var remote = new[] { Contact("c1", "ada@example.org", 10), Contact("c2", "bob@example.com", 8) };

        var report = DriftMeter.Compare(local, remote, contact => contact.Id);

        // Each contact has id, email, createdAt, updatedAt, archived and score: 12 fields; email differs by 1, score by 3.
        Assert.Equal(12, report.ComparedFields);
        Assert.Equal(4.0 / 12, report.Overall, 10);
        Assert.Equal(new[] { ("c1", "/email"), ("c2", "/score") }, report.Differences.Select(difference => (difference.Key, difference.Path)));
    }

    [Fact]
    public void The_patch_between_two_models_turns_one_into_the_other_unknown_properties_included()
    {
        var before = JsonModel.Parse<Contact>("""{"id":"c1","email":"a@example.com","createdAt":"2024-01-02T03:04:05Z","updatedAt":"2024-01-02T03:04:05Z","archived":false,"x-custom":1}""");
        var after = JsonModel.Parse<Contact>("""{"id":"c1","email":"b@example.com","createdAt":"2024-01-02T03:04:05Z","updatedAt":"2024-01-02T04:04:05+01:00","archived":false,"x-custom":2,"phone":null}""");

        var patch = ModelDiff.Patch(before, after);
        var patched = ModelDiff.Apply(before, patch);

        Assert.Equal("""[{"op":"replace","path":"/email","value":"b@example.com"},{"op":"add","path":"/phone","value":null},{"op":"replace","path":"/x-custom","value":2}]""", JsonDiff.ToJson(patch));
        Assert.Empty(ModelDiff.Patch(patched, after));
        Assert.True(patched.IsSet("phone"));
    }

    private static Contact Contact(string id, string email, long score) => JsonModel.Parse<Contact>(
        $$"""{"id":"{{id}}","email":"{{email}}","createdAt":"2024-01-02T03:04:05Z","updatedAt":"2024-01-02T03:04:05Z","archived":false,"score":{{score}}}""");
}
