using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Testing.Sync;

/// <summary>
/// A sync adapter over a <see cref="FakeCrm"/> in one pull mode, with small pages so that a pull takes several commits:
/// full listings page by id; watermark pulls list changes from an instant on, tombstones included; cursor and
/// delta-token pulls list changes after a version, archived records as deleted keys.
/// </summary>
internal sealed class FakeCrmAdapter : SyncAdapter
{
    private const int PageSize = 3;
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders = new Dictionary<string, IReadOnlyList<string>>();
    private readonly FakeCrm _crm;

    public FakeCrmAdapter(FakeCrm crm, SyncPullMode mode)
        : base(new SyncAdapterOptions
        {
            Resource = "contacts",
            PullMode = mode,
            ModifiedField = "updatedAt",
            DeletedField = "archived",
            PageSize = PageSize,
        })
    {
        _crm = crm;
    }

    // Page tokens name the last record a page held (its version, or its id in a full listing), as keyset cursors do:
    // a record changed while a pull pages, or while it is stopped, moves to the end of a listing by version instead of
    // shifting the records after it.
    public override Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken)
    {
        var version = _crm.Version;
        if (request.ChangeToken is { } token)
        {
            var after = long.Parse(request.PageToken ?? token, CultureInfo.InvariantCulture);
            var changed = _crm.ByVersion().Where(record => FakeCrm.VersionOf(record) > after).ToList();
            var page = changed.Take(PageSize).ToList();
            var last = changed.Count <= PageSize;
            return Task.FromResult(new SyncPage(page.Where(record => !FakeCrm.IsArchived(record)).Select(Element).ToList(), last ? null : VersionToken(page[^1]))
            {
                DeletedKeys = page.Where(FakeCrm.IsArchived).Select(record => (string)record["id"]!).ToList(),
                ChangeToken = last ? version.ToString(CultureInfo.InvariantCulture) : null,
            });
        }

        if (request.Since is { } since)
        {
            var from = request.PageToken is { } versionToken ? long.Parse(versionToken, CultureInfo.InvariantCulture) : long.MinValue;
            var listed = _crm.ByVersion().Where(record => FakeCrm.UpdatedAt(record) >= since && FakeCrm.VersionOf(record) > from).ToList();
            var page = listed.Take(PageSize).ToList();
            return Task.FromResult(new SyncPage(page.Select(Element).ToList(), listed.Count <= PageSize ? null : VersionToken(page[^1])));
        }

        var live = _crm.Live().Values.Where(record => request.PageToken is not { } afterId || string.CompareOrdinal((string)record["id"]!, afterId) > 0).ToList();
        var records = live.Take(PageSize).ToList();
        var lastPage = live.Count <= PageSize;
        return Task.FromResult(new SyncPage(records.Select(Element).ToList(), lastPage ? null : (string)records[^1]["id"]!)
        {
            ChangeToken = lastPage && Options.PullMode is SyncPullMode.Cursor or SyncPullMode.DeltaToken ? version.ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    public override Task<JsonElement?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<JsonElement?>(_crm.Live().TryGetValue(key, out var record) ? Element(record) : null);

    public override Task<JsonElement> CreateAsync(SyncCreate create, CancellationToken cancellationToken) =>
        Task.FromResult(Element(_crm.Create(Node(create.Record), create.IdempotencyKey)));

    public override Task<JsonElement> UpdateAsync(SyncUpdate update, CancellationToken cancellationToken) =>
        _crm.Update(update.Key, Node(update.Changes)) is { } updated ? Task.FromResult(Element(updated)) : throw NotFound(HttpMethod.Patch, update.Key);

    public override Task DeleteAsync(SyncDelete delete, CancellationToken cancellationToken) =>
        _crm.Archive(delete.Key) ? Task.CompletedTask : throw NotFound(HttpMethod.Delete, delete.Key);

    private static string VersionToken(JsonObject record) => FakeCrm.VersionOf(record).ToString(CultureInfo.InvariantCulture);

    private static JsonElement Element(JsonObject record) => JsonElements.FromNode(record);

    private static JsonObject Node(JsonElement element) => JsonNode.Parse(element.GetRawText())!.AsObject();

    private static ApiException NotFound(HttpMethod method, string key) =>
        new(404, "Not Found", method, "/contacts/{id}", NoHeaders, $$"""{"message":"No contact has the id '{{key}}'."}""");
}
