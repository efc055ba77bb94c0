using System;
using System.IO;
using System.Linq;
using CrmSdkGen.CSharp;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Generation;

/// <summary>The namespace and client name a spec gets when its item's metadata leaves them out.</summary>
internal static class NamingDefaults
{
    public static string Namespace(SpecSource source)
    {
        if (!string.IsNullOrWhiteSpace(source.Namespace))
        {
            return SanitizeNamespace(source.Namespace);
        }

        var fileName = Identifier.Pascal(Path.GetFileNameWithoutExtension(source.Path), "Api");
        return string.IsNullOrWhiteSpace(source.RootNamespace) ? fileName : SanitizeNamespace(source.RootNamespace) + "." + fileName;
    }

    public static string ClientName(string metadata, string title)
    {
        if (!string.IsNullOrWhiteSpace(metadata))
        {
            return Identifier.Pascal(metadata, "ApiClient");
        }

        var name = Identifier.Pascal(title, "Api");
        return name.EndsWith("Client", StringComparison.Ordinal) ? name : name + "Client";
    }

    public static string SanitizeNamespace(string value) =>
        string.Join(".", value.Split('.').Where(part => part.Trim().Length > 0).Select(part => Identifier.Pascal(part.Trim(), "Api")).DefaultIfEmpty("Api"));
}
