using System.Net.Http.Headers;
using CrmSdkGen.Runtime.Auth;

namespace CrmSdkGen.EndToEnd.Tests.Auth;

/// <summary>A bearer scheme of the user's own that renews its token when the API answers 401 (as MSAL's cache would).</summary>
public sealed class RenewingTokenCredential(Func<int, string> issue) : ApiCredential, IRenewableCredential
{
    private int _generation;

    public List<string> Rejected { get; } = new();

    public override bool CanApplyTo(SecurityScheme scheme) => scheme.Kind == SecuritySchemeKind.Bearer;

    public override ValueTask ApplyAsync(HttpRequestMessage request, SecurityScheme scheme, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issue(_generation));
        return default;
    }

    public bool Renew(HttpRequestMessage rejected)
    {
        Rejected.Add(rejected.Headers.Authorization!.Parameter!);
        _generation++;
        return true;
    }
}
