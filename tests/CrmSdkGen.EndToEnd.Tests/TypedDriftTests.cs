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

    private static Contact Contact(string id, string email, long score) => JsonModel.Parse<Contact>(
        $$"""{"id":"{{id}}","email":"{{email}}","createdAt":"2024-01-02T03:04:05Z","updatedAt":"2024-01-02T03:04:05Z","archived":false,"score":{{score}}}""");
}
