using System;

namespace CrmSdkGen.Runtime.Auth;

/// <summary>An API key, sent where the spec's apiKey scheme says (header, query or cookie).</summary>
public sealed class ApiKeyCredential : ApiCredential
{
    /// <summary>Creates the credential.</summary>
    public ApiKeyCredential(string key) => Key = key ?? throw new ArgumentNullException(nameof(key));

    internal string Key { get; }
}
