using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>
/// The codec of binary properties. Inside a multipart body a file is written as a placeholder that
/// <see cref="ApiRequest.SetMultipartBody{T}"/> replaces with a file part; in plain JSON it is the file's text.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FileContentCodec : JsonCodec<FileContent>
{
    internal const string Marker = "\u0000crmsdkgen-file:";

    [ThreadStatic]
    private static List<FileContent>? t_capture;

    private FileContentCodec()
    {
    }

    /// <summary>The single instance.</summary>
    public static FileContentCodec Instance { get; } = new();

    /// <inheritdoc />
    public override FileContent Read(ref Utf8JsonReader reader) => FileContent.FromText(JsonCodecs.String.Read(ref reader));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FileContent value)
    {
        if (t_capture is { } capture)
        {
            capture.Add(value);
            writer.WriteStringValue(Marker + (capture.Count - 1).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(value.ReadAsText());
        }
    }

    /// <summary>Writes a value while collecting the files it holds, which come back in the order of their placeholders.</summary>
    internal static byte[] WriteCapturingFiles<T>(T value, JsonCodec<T> codec, out List<FileContent> files)
    {
        var previous = t_capture;
        t_capture = files = new List<FileContent>();
        try
        {
            return JsonWriting.ToRequestUtf8(value, codec);
        }
        finally
        {
            t_capture = previous;
        }
    }
}
