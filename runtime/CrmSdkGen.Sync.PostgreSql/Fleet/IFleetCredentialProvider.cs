using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Auth;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// Gives each account's credential: an API key, a token, or an OAuth2 credential that renews itself. A worker asks once
/// per account and keeps the credential for as long as it is accepted, so a token refreshed (or a refresh token rotated,
/// see <c>OAuth2RefreshCredential.RefreshTokenChanged</c>) while syncing one job is used by the next; after a 401 or 403 it
/// asks again. The fleet never writes a credential to its tables or its logs.
/// </summary>
public interface IFleetCredentialProvider
{
    /// <summary>The credential to call the CRM with for <paramref name="account"/>.</summary>
    ValueTask<ApiCredential> GetCredentialAsync(string account, CancellationToken cancellationToken);
}
