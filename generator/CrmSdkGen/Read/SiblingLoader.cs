using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Generation;
using Microsoft.OpenApi;

namespace CrmSdkGen.Read;

/// <summary>
/// Serves relative $refs from the spec files the project lists, and from nothing else: the generator does no I/O of
/// its own. Anything else (a file that is not listed, a URL, a bare discriminator mapping name that the reader takes
/// for a file) is answered with an empty document, so the reference stays unresolved and is reported where it is used
/// instead of failing the whole spec.
/// </summary>
internal sealed class SiblingLoader : IStreamLoader
{
    private static readonly byte[] EmptyDocument = Encoding.UTF8.GetBytes("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"\",\"version\":\"\"},\"paths\":{}}");
    private readonly IReadOnlyList<SpecFile> _files;

    public SiblingLoader(IReadOnlyList<SpecFile> files) => _files = files;

    public static Uri ToUri(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) ? uri : new Uri("file:///" + path.TrimStart('/'));

    public Task<Stream> LoadAsync(Uri baseUrl, Uri uri, CancellationToken cancellationToken)
    {
        var target = uri.IsAbsoluteUri ? uri : new Uri(baseUrl, uri);
        foreach (var file in _files)
        {
            if (string.Equals(ToUri(file.Path).AbsolutePath, target.AbsolutePath, StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(file.Text)));
            }
        }

        return Task.FromResult<Stream>(new MemoryStream(EmptyDocument));
    }
}
