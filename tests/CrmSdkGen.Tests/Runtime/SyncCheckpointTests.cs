using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// The checkpoint is stored as JSON in the sync store, so its names and shape are a contract with every store written
/// by an earlier run: a checkpoint must read back exactly, and a stored one must keep reading.
/// </summary>
public sealed class SyncCheckpointTests
{
    private const string Stored = """{"watermark":"2026-11-30T10:00:00.0000000\u002B00:00","changeToken":"token-7","completed":true,"lastFullListing":"2026-11-29T08:00:00.0000000\u002B00:00","inProgress":true,"full":true,"reconciling":true,"since":"2026-11-28T06:00:00.0000000\u002B00:00","pageToken":"page-3","maxSeen":"2026-11-30T09:30:00.0000000\u002B00:00","startedAt":"2026-11-30T09:00:00.0000000\u002B00:00"}""";

    private static SyncCheckpoint InProgress() => new()
    {
        Watermark = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
        ChangeToken = "token-7",
        HasCompleted = true,
        LastFullListing = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero),
        InProgress = true,
        Full = true,
        Reconciling = true,
        Since = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero),
        PageToken = "page-3",
        MaxSeen = new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.Zero),
        StartedAt = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void A_pull_in_progress_is_written_in_the_stored_format()
    {
        Assert.Equal(Stored, InProgress().ToJson());
    }

    [Fact]
    public void A_stored_checkpoint_reads_back_every_field()
    {
        var read = SyncCheckpoint.Parse(Stored);
        var expected = InProgress();

        Assert.Equal(expected.Watermark, read.Watermark);
        Assert.Equal(expected.ChangeToken, read.ChangeToken);
        Assert.Equal(expected.HasCompleted, read.HasCompleted);
        Assert.Equal(expected.LastFullListing, read.LastFullListing);
        Assert.Equal(expected.InProgress, read.InProgress);
        Assert.Equal(expected.Full, read.Full);
        Assert.Equal(expected.Reconciling, read.Reconciling);
        Assert.Equal(expected.Since, read.Since);
        Assert.Equal(expected.PageToken, read.PageToken);
        Assert.Equal(expected.MaxSeen, read.MaxSeen);
        Assert.Equal(expected.StartedAt, read.StartedAt);
    }

    [Fact]
    public void A_finished_pull_keeps_no_page_state()
    {
        var finished = InProgress();
        finished.InProgress = false;

        var json = finished.ToJson();
        var read = SyncCheckpoint.Parse(json);

        Assert.Equal("""{"watermark":"2026-11-30T10:00:00.0000000\u002B00:00","changeToken":"token-7","completed":true,"lastFullListing":"2026-11-29T08:00:00.0000000\u002B00:00"}""", json);
        Assert.False(read.InProgress);
        Assert.False(read.Full);
        Assert.False(read.Reconciling);
        Assert.Null(read.PageToken);
        Assert.Null(read.Since);
        Assert.Null(read.MaxSeen);
        Assert.Equal(default, read.StartedAt);
        Assert.Equal(finished.Watermark, read.Watermark);
    }

    [Fact]
    public void Instants_are_stored_in_UTC_and_absent_values_are_left_out()
    {
        var checkpoint = new SyncCheckpoint { Watermark = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(2)) };

        var json = checkpoint.ToJson();

        Assert.Equal("""{"watermark":"2026-11-30T10:00:00.0000000\u002B00:00","completed":false}""", json);
        Assert.Equal(checkpoint.Watermark, SyncCheckpoint.Parse(json).Watermark);
    }

    [Fact]
    public void No_stored_checkpoint_is_a_first_run()
    {
        var first = SyncCheckpoint.Parse(null);

        Assert.Null(first.Watermark);
        Assert.Null(first.ChangeToken);
        Assert.False(first.HasCompleted);
        Assert.False(first.InProgress);
        Assert.Null(first.LastFullListing);
    }
}
