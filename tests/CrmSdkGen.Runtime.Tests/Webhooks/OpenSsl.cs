using System.Diagnostics;

namespace CrmSdkGen.Runtime.Tests.Webhooks;

/// <summary>HMACs computed by the openssl command, so that the verifiers are checked against an implementation not their own.</summary>
internal static class OpenSsl
{
    public static byte[] Hmac(string digest, byte[] key, byte[] payload)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "dgst", "-" + digest, "-mac", "HMAC", "-macopt", "hexkey:" + Convert.ToHexString(key) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.BaseStream.Write(payload);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return Convert.FromHexString(output[(output.LastIndexOf('=') + 1)..].Trim());
    }
}
