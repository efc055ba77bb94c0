using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace CrmSdkGen.Webhooks.Verification;

/// <summary>HMAC signatures compared in constant time against every accepted key.</summary>
internal static class HmacSignatures
{
    /// <summary>Whether any of <paramref name="keys"/> signs <paramref name="payload"/> as <paramref name="signature"/>.</summary>
    public static bool AnyKeyMatches(HashAlgorithmName algorithm, IEnumerable<byte[]> keys, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        Span<byte> computed = stackalloc byte[64];
        var matched = false;
        foreach (var key in keys)
        {
            var length = algorithm == HashAlgorithmName.SHA1 ? HMACSHA1.HashData(key, payload, computed)
                : algorithm == HashAlgorithmName.SHA256 ? HMACSHA256.HashData(key, payload, computed)
                : throw new ArgumentOutOfRangeException(nameof(algorithm));

            // Every key is tried whatever the result, so the time taken does not tell which one matched.
            matched |= CryptographicOperations.FixedTimeEquals(computed[..length], signature);
        }

        return matched;
    }

    public static IEnumerable<byte[]> Utf8Keys(WebhookSecrets secrets)
    {
        foreach (var secret in secrets.All)
        {
            yield return Encoding.UTF8.GetBytes(secret);
        }
    }

    public static byte[]? FromHex(string? text)
    {
        if (text is null || text.Length % 2 != 0)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static byte[]? FromBase64(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var bytes = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
    }

    /// <summary><paramref name="parts"/> joined as UTF-8, with the raw body where a part is null.</summary>
    public static byte[] Concat(ReadOnlySpan<byte> body, params string?[] parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += part is null ? body.Length : Encoding.UTF8.GetByteCount(part);
        }

        var buffer = new byte[length];
        var at = 0;
        foreach (var part in parts)
        {
            if (part is null)
            {
                body.CopyTo(buffer.AsSpan(at));
                at += body.Length;
            }
            else
            {
                at += Encoding.UTF8.GetBytes(part, buffer.AsSpan(at));
            }
        }

        return buffer;
    }
}
