using System;
using System.IO;
using System.Text;

namespace CrmSdkGen.Runtime.Http;

/// <summary>A file for a multipart upload (a property of format binary): its bytes, name and media type.</summary>
public sealed class FileContent
{
    private readonly Func<Stream> _open;

    /// <summary>A file read from <paramref name="content"/>, which the request disposes after sending.</summary>
    public FileContent(Stream content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        _open = () => content;
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = contentType;
    }

    /// <summary>A file held in memory.</summary>
    public FileContent(byte[] content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        _open = () => new MemoryStream(content, writable: false);
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = contentType;
    }

    /// <summary>The file name sent in the part's Content-Disposition.</summary>
    public string FileName { get; }

    /// <summary>The part's media type; application/octet-stream when not set.</summary>
    public string? ContentType { get; }

    /// <summary>Opens the content.</summary>
    public Stream OpenRead() => _open();

    internal static FileContent FromText(string text) => new(Encoding.UTF8.GetBytes(text), "file");

    internal string ReadAsText()
    {
        using var reader = new StreamReader(OpenRead(), Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        return reader.ReadToEnd();
    }
}
