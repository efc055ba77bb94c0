using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;

namespace CrmSdkGen.Generation;

/// <summary>
/// The project's listed spec files, sorted into documents and their parts. Each document is joined with the files its
/// <c>$ref</c>s reach, directly or through other files and extensions, and with nothing else: an edit to an unrelated
/// file leaves its pipeline cached. Built once per change of any listed file, in time linear in their size.
/// </summary>
internal sealed class SpecCatalog
{
    private readonly SpecFileSet _files;
    private readonly Dictionary<string, List<SpecFile>> _targets = new();
    private readonly Dictionary<string, List<SpecFile>> _documents = new(); // each document and the files it reaches
    private readonly HashSet<string> _referencedByDocuments = new();

    public SpecCatalog(IReadOnlyList<SpecFile> files)
    {
        _files = new SpecFileSet(files);
        var documents = _files.Files.Where(file => ReferenceScanner.IsDocument(file.Text, SpecFormatDetector.Detect(file.Path, file.Text))).ToList();
        foreach (var document in documents)
        {
            // What a document reaches is its siblings: found once here, handed out by Prepare.
            var reached = Reach(document);
            _documents[document.Path] = reached;
            _referencedByDocuments.UnionWith(reached.Select(file => file.Path));
        }
    }

    public SpecSource Prepare(SpecSource source)
    {
        if (_documents.TryGetValue(source.Path, out var reached))
        {
            return source with { Role = SpecRole.Document, Siblings = reached.ToEquatableArray() };
        }

        // A lone file that is no document is reported as such; among documents, an unused fragment is only a warning.
        var role = _referencedByDocuments.Contains(source.Path) ? SpecRole.Part
            : _documents.Count > 0 ? SpecRole.Unreferenced : SpecRole.Document;
        return source with { Role = role, Siblings = EquatableArray<SpecFile>.Empty };
    }

    private List<SpecFile> Reach(SpecFile start)
    {
        var reached = new List<SpecFile>();
        var seen = new HashSet<string> { start.Path };
        var pending = new Queue<SpecFile>();
        pending.Enqueue(start);
        while (pending.Count > 0)
        {
            foreach (var target in Targets(pending.Dequeue()))
            {
                if (seen.Add(target.Path))
                {
                    reached.Add(target);
                    pending.Enqueue(target);
                }
            }
        }

        return reached;
    }

    private List<SpecFile> Targets(SpecFile file)
    {
        if (!_targets.TryGetValue(file.Path, out var targets))
        {
            targets = new List<SpecFile>();
            foreach (var reference in ReferenceScanner.FileTargets(file.Text).Distinct())
            {
                // The files of an ambiguous reference are joined too, so that the document reports the ambiguity.
                foreach (var target in _files.Candidates(file.Path, reference))
                {
                    if (!targets.Contains(target))
                    {
                        targets.Add(target);
                    }
                }
            }

            _targets[file.Path] = targets;
        }

        return targets;
    }
}
