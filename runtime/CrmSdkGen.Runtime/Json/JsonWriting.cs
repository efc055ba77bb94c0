using System;
using System.ComponentModel;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// Whether a model is being written as a request body, in which case its read-only properties (which the API sets)
/// are left out; everywhere else, such as <see cref="JsonModel.ToJson{T}"/>, a model is written whole.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWriting
{
    [ThreadStatic]
    private static bool t_forRequest;

    /// <summary>True while a request body is being written on this thread.</summary>
    public static bool ForRequest => t_forRequest;

    internal static byte[] ToRequestUtf8<T>(T value, JsonCodec<T> codec)
    {
        var previous = t_forRequest;
        t_forRequest = true;
        try
        {
            return JsonModel.ToUtf8(value, codec);
        }
        finally
        {
            t_forRequest = previous;
        }
    }
}
