using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Auth;

/// <summary>
/// A secret configured for one security scheme, which puts itself on each request the scheme covers. Derive from it to
/// add a scheme of your own (HMAC-signed requests, AWS SigV4, a JWT bearer grant) and configure it with
/// the client options' <c>SetCredential</c> under the scheme's key; implement <see cref="IRenewableCredential"/> too
/// when a 401 should renew it and send the request once more. Its text never appears in ToString, logs or exceptions.
/// </summary>
public abstract class ApiCredential
{
    /// <summary>Creates the credential.</summary>
    protected ApiCredential()
    {
    }

    /// <summary>
    /// Whether the credential can be sent for <paramref name="scheme"/>: an operation whose security alternatives it
    /// fits none of is refused before it is sent. By default a credential fits any scheme it is configured under.
    /// </summary>
    public virtual bool CanApplyTo(SecurityScheme scheme) => true;

    /// <summary>
    /// Puts the credential on one attempt of a request, after its address, headers and body are set and just before it
    /// is sent; every attempt is a new message, so a retry is signed again.
    /// </summary>
    /// <param name="request">The attempt's message; its <see cref="HttpRequestMessage.Content"/> may be read, and is sent after this returns.</param>
    /// <param name="scheme">The security scheme the credential is sent for (its kind and header, query or cookie name).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public abstract ValueTask ApplyAsync(HttpRequestMessage request, SecurityScheme scheme, CancellationToken cancellationToken);

    /// <inheritdoc />
    public sealed override string ToString() => GetType().Name + " { *** }";
}
