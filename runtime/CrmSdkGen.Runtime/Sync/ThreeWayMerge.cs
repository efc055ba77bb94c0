using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Merges a local and a remote record against their common base: a member changed on one side takes that change,
/// objects changed on both sides are merged member by member, and anything else changed on both sides to different
/// values is a conflicting field, which takes the remote value.
/// </summary>
internal static class ThreeWayMerge
{
    public static (JsonElement Merged, List<string> Conflicts) Merge(JsonElement? @base, JsonElement local, JsonElement remote)
    {
        var conflicts = new List<string>();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, @base, local, remote, string.Empty, conflicts);
        }

        return (JsonElements.FromUtf8(buffer.WrittenSpan), conflicts);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement? @base, JsonElement local, JsonElement remote, string path, List<string> conflicts)
    {
        // Equal on both sides, or unchanged locally: the remote value. Unchanged remotely: the local value.
        if (JsonEquality.AreSemanticallyEqual(local, remote) || (@base is { } agreed && JsonEquality.AreSemanticallyEqual(agreed, local)))
        {
            remote.WriteTo(writer);
            return;
        }

        if (@base is { } agreedBefore && JsonEquality.AreSemanticallyEqual(agreedBefore, remote))
        {
            local.WriteTo(writer);
            return;
        }

        if (local.ValueKind != JsonValueKind.Object || remote.ValueKind != JsonValueKind.Object)
        {
            conflicts.Add(path.Length == 0 ? string.Empty : path);
            remote.WriteTo(writer);
            return;
        }

        var baseObject = @base is { ValueKind: JsonValueKind.Object } b ? b : (JsonElement?)null;
        writer.WriteStartObject();
        foreach (var member in remote.EnumerateObject())
        {
            var memberPath = path + "/" + Escape(member.Name);
            var baseMember = Member(baseObject, member.Name);
            if (local.TryGetProperty(member.Name, out var localMember))
            {
                writer.WritePropertyName(member.Name);
                Write(writer, baseMember, localMember, member.Value, memberPath, conflicts);
            }
            else if (baseMember is not { } removed)
            {
                // Added remotely only.
                member.WriteTo(writer);
            }
            else if (!JsonEquality.AreSemanticallyEqual(removed, member.Value))
            {
                // Removed locally, changed remotely.
                conflicts.Add(memberPath);
                member.WriteTo(writer);
            }
        }

        foreach (var member in local.EnumerateObject())
        {
            if (remote.TryGetProperty(member.Name, out _))
            {
                continue;
            }

            var baseMember = Member(baseObject, member.Name);
            if (baseMember is null)
            {
                // Added locally only.
                member.WriteTo(writer);
            }
            else if (!JsonEquality.AreSemanticallyEqual(baseMember.Value, member.Value))
            {
                // Changed locally, removed remotely.
                conflicts.Add(path + "/" + Escape(member.Name));
            }
        }

        writer.WriteEndObject();
    }

    private static JsonElement? Member(JsonElement? parent, string name) =>
        parent is { } value && value.TryGetProperty(name, out var member) ? member : null;

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
