using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>The public sync types count what they hold and refuse missing arguments at the call, not later in a store.</summary>
public sealed class SyncContractTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void A_change_set_counts_each_kind_of_change()
    {
        var before = new Dictionary<string, JsonElement> { ["kept"] = Json("""{"n":1}"""), ["edited"] = Json("""{"n":1}"""), ["gone"] = Json("""{"n":1}"""), ["gone too"] = Json("""{"n":1}""") };
        var after = new Dictionary<string, JsonElement> { ["kept"] = Json("""{"n":1}"""), ["edited"] = Json("""{"n":2}"""), ["new"] = Json("""{"n":1}"""), ["new too"] = Json("""{"n":1}"""), ["new three"] = Json("""{"n":1}""") };

        var changes = ChangeSet.Between(before, after);

        Assert.Equal(3, changes.CreatedCount);
        Assert.Equal(1, changes.UpdatedCount);
        Assert.Equal(2, changes.DeletedCount);
        Assert.Equal(6, changes.Changes.Count);
    }

    [Fact]
    public void Change_sets_refuse_missing_arguments()
    {
        var some = new Dictionary<string, JsonElement>();

        Assert.Equal("before", Assert.Throws<ArgumentNullException>(() => ChangeSet.Between(null!, some)).ParamName);
        Assert.Equal("after", Assert.Throws<ArgumentNullException>(() => ChangeSet.Between(some, null!)).ParamName);
        Assert.Equal("next", Assert.Throws<ArgumentNullException>(() => ChangeSet.Empty.Then(null!)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentNullException>(() => ChangeSet.Empty.ApplyTo((IDictionary<string, JsonNode?>)null!)).ParamName);
    }

    [Fact]
    public void Commits_refuse_missing_arguments()
    {
        var commit = new SyncCommit();

        Assert.Equal("record", Assert.Throws<ArgumentNullException>(() => commit.Put(null!)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => commit.Remove(null!)).ParamName);
        Assert.Equal("scope", Assert.Throws<ArgumentNullException>(() => commit.MarkSeen(null!, ["a"])).ParamName);
        Assert.Equal("scope", Assert.Throws<ArgumentNullException>(() => commit.ForgetSeen(null!)).ParamName);
        Assert.Empty(commit.Writes);
        Assert.Null(commit.SeenScope);
    }

    [Fact]
    public void A_commit_marks_keys_seen_in_one_scope_only()
    {
        var commit = new SyncCommit().MarkSeen("contacts", ["a", "b"]);

        Assert.Throws<InvalidOperationException>(() => commit.ForgetSeen("deals"));
        Assert.Throws<InvalidOperationException>(() => commit.MarkSeen("deals", ["c"]));
        Assert.Equal("contacts", commit.SeenScope);
        Assert.Equal(["a", "b"], commit.Seen);
        Assert.False(commit.ClearSeen);
        Assert.True(commit.ForgetSeen("contacts").ClearSeen);
    }
}
