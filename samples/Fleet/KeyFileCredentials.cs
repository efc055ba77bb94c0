using System.Text.Json;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Sync.PostgreSql.Fleet;

namespace FleetSample;

/// <summary>
/// Each account's API key from a JSON file ({"account": "key", ...}), read again whenever a key is asked for, so a key
/// rotated in the file is picked up after the CRM refuses the old one. A real deployment reads a secret store instead.
/// </summary>
public sealed class KeyFileCredentials(string path) : IFleetCredentialProvider
{
    public async ValueTask<ApiCredential> GetCredentialAsync(string account, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var keys = await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(file, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException($"{path} holds no keys.");
        return keys.TryGetValue(account, out var key)
            ? new ApiKeyCredential(key)
            : throw new InvalidOperationException($"{path} has no key for account '{account}'.");
    }
}
