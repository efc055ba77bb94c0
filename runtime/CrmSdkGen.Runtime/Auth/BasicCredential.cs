using System;
using System.Text;

namespace CrmSdkGen.Runtime.Auth;

/// <summary>A user name and password for HTTP basic authentication.</summary>
public sealed class BasicCredential : ApiCredential
{
    /// <summary>Creates the credential.</summary>
    public BasicCredential(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        EncodedValue = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
    }

    internal string EncodedValue { get; }
}
