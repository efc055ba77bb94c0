using System.Net.Http;

namespace CrmSdkGen.Runtime.Auth;

/// <summary>
/// A credential that can replace itself after the API refused it: on a 401 the client asks it to renew, and sends the
/// request once more when it did (a second 401 is the caller's to see).
/// </summary>
public interface IRenewableCredential
{
    /// <summary>
    /// Forgets what <paramref name="rejected"/> carried (such as its access token), so the next attempt is given a new
    /// one; returns whether a new attempt can differ from the rejected one.
    /// </summary>
    /// <param name="rejected">The attempt the API answered with 401, as <see cref="ApiCredential.ApplyAsync"/> left it; its content is gone.</param>
    bool Renew(HttpRequestMessage rejected);
}
