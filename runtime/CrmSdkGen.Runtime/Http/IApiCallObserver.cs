using System.Net.Http;

namespace CrmSdkGen.Runtime.Http;

/// <summary>
/// Sees every attempt of a request and every response: generated clients implement it to call their
/// <c>PrepareRequest</c> and <c>ProcessResponse</c> partial methods.
/// </summary>
public interface IApiCallObserver
{
    /// <summary>Called before each attempt is sent, after its headers and credentials are set.</summary>
    /// <param name="operation">The operation's name, such as "UpdateContact".</param>
    /// <param name="request">The message about to be sent; headers may be added or changed.</param>
    void OnSending(string operation, HttpRequestMessage request);

    /// <summary>Called with each response received (one per attempt), before it is read.</summary>
    /// <param name="operation">The operation's name.</param>
    /// <param name="response">The response; its content is buffered and may be read.</param>
    void OnReceived(string operation, HttpResponseMessage response);
}
