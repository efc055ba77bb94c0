using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// A JSON value that is not what the schema allows. Its message gives the byte offset; once the value's path is known
/// (<see cref="JsonPathException"/>) the path replaces the offset, which means little inside a re-read union.
/// </summary>
internal sealed class JsonValueException : JsonException
{
    public JsonValueException(string reason, long byteOffset)
        : base(char.ToUpperInvariant(reason[0]) + reason.Substring(1) + " at byte " + byteOffset + ".")
    {
        Reason = reason;
    }

    /// <summary>What was wrong, in lower case and without the position: "expected a string but found a number".</summary>
    public string Reason { get; }
}
