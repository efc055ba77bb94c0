using System;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Words for what made a part of a spec unreadable, for the diagnostic that leaves it out.</summary>
internal static class Unreadable
{
    public static string Reason(Exception exception) => exception switch
    {
        InvalidOperationException when exception.Message.IndexOf("Circular reference", StringComparison.Ordinal) >= 0 => "its references only lead back to themselves",
        NullReferenceException or InvalidCastException => "a node has a kind the OpenAPI reader does not expect there, such as an array where an object belongs",
        _ => exception.Message,
    };
}
