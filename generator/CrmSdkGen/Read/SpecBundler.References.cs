using System;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>The <c>$ref</c>s the bundler meets: kept, pointed at a hoisted schema, replaced by a copy, or cut with a finding.</summary>
internal sealed partial class SpecBundler
{
    private JsonNode? VisitReference(JsonObject map, string reference, Place place)
    {
        if (reference.Length > SpecLimits.MaxNameLength)
        {
            _sink.Report(DiagnosticIds.LimitExceeded, Severity.Warning, $"A $ref of {reference.Length} characters is longer than {SpecLimits.MaxNameLength}; it is left out, and what it types accepts any value.", CurrentPointer());
            return new JsonObject();
        }

        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        SpecFile? target;
        if (filePart.Length == 0)
        {
            target = place.File;
        }
        else
        {
            target = _files.Resolve(place.File.Path, filePart, out var ambiguous);
            if (ambiguous)
            {
                _sink.Report(DiagnosticIds.AmbiguousReference, Severity.Warning, $"The $ref '{Cut(reference)}' matches several listed files equally; it stays unresolved. List only one of them, or refer to it by a relative path.", CurrentPointer());
            }
        }

        if (target is null)
        {
            return Unresolved(reference, place);
        }

        if (string.Equals(target.Path, _root.Path, StringComparison.Ordinal))
        {
            return InternalReference(map, fragment, reference, place);
        }

        if (SchemaPositions.IsSchema(place.Key, place.InList, place.OuterKey, fragment))
        {
            if (Resolve(target, fragment) is null)
            {
                _sink.Report(DiagnosticIds.UnresolvedReference, Severity.Warning, $"The $ref '{Cut(reference)}' points at nothing in the file it names; what it types accepts any value (JsonElement).", CurrentPointer());
                return new JsonObject();
            }

            map["$ref"] = _schemasPointer + SpecPointer.Escape(Hoist(target, fragment));
            return map;
        }

        return Inline(map, target, fragment, reference, place);
    }

    // The reader resolves a reference to a named component only; what a deeper pointer reaches is a hoisted schema or a copy.
    private JsonNode? InternalReference(JsonObject map, string fragment, string reference, Place place)
    {
        if (_innerSchemas.TryGetValue(fragment, out var replacement))
        {
            map["$ref"] = replacement;
            return map;
        }

        if (!InternalPointers.IsDeep(fragment))
        {
            map["$ref"] = "#" + fragment;
            return map;
        }

        if (Resolve(_root, fragment) is null)
        {
            _sink.Report(DiagnosticIds.UnresolvedReference, Severity.Warning, $"The reference '{Cut(reference)}' points at nothing in the spec; what it types accepts any value.", CurrentPointer());
            return new JsonObject();
        }

        return Inline(map, _root, fragment, reference, place);
    }

    // The reader would look such a reference up by its component name in the other documents it holds, the root among
    // them, and type the member with a schema of the same name that is not the one meant; so it is cut here.
    private JsonNode? Unresolved(string reference, Place place)
    {
        var consequence = SchemaPositions.IsSchema(place.Key, place.InList, place.OuterKey, string.Empty)
            ? "what it types accepts any value (JsonElement)"
            : "it is left out";
        _sink.Report(DiagnosticIds.UnresolvedReference, Severity.Warning, $"The $ref '{Cut(reference)}' names a file that is not listed; {consequence}. List the file as a CrmSdkGenSpec item.", CurrentPointer());
        return new JsonObject();
    }

    private string Hoist(SpecFile file, string fragment)
    {
        if (!_hoisted.TryGetValue((file.Path, fragment), out var name))
        {
            name = _names.Claim(file, fragment);
            _hoisted[(file.Path, fragment)] = name;
            _pendingHoists.Enqueue((file, fragment, name));
        }

        return name;
    }

    private JsonNode? Inline(JsonObject map, SpecFile file, string fragment, string reference, Place place)
    {
        if (Resolve(file, fragment) is not { } target)
        {
            _sink.Report(DiagnosticIds.UnresolvedReference, Severity.Warning, $"The $ref '{Cut(reference)}' points at nothing in the file it names; it is left out.", CurrentPointer());
            return new JsonObject();
        }

        if (!_inlining.Add((file.Path, fragment)))
        {
            _sink.Report(DiagnosticIds.ReferenceCycle, Severity.Warning, $"The $ref '{Cut(reference)}' leads back to itself through references that are not schemas; it is left empty here.", CurrentPointer());
            return new JsonObject();
        }

        try
        {
            _copied += Size(target);
            if (_copied > _copyBudget)
            {
                _sink.Report(DiagnosticIds.LimitExceeded, Severity.Warning, $"Copying what the $ref '{Cut(reference)}' points at would make the bundled spec far larger than its files; it is left empty here.", CurrentPointer());
                return new JsonObject();
            }

            var copy = target.DeepClone();
            if (copy is JsonObject copied)
            {
                // OpenAPI 3.1 lets a reference override the summary and description of what it points at.
                foreach (var key in new[] { "summary", "description" })
                {
                    if (map[key] is { } value)
                    {
                        copied[key] = value.DeepClone();
                    }
                }
            }

            _routes.Add(CurrentPointer(), file.Path, "#" + fragment);
            return Visit(copy, place with { File = file });
        }
        finally
        {
            _inlining.Remove((file.Path, fragment));
        }
    }
}
