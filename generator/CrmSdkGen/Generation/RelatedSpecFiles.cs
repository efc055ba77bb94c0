using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmSdkGen.Model;

namespace CrmSdkGen.Generation;

/// <summary>
/// The listed files a spec is joined with: those it names (directly or through files it names) and those that name it.
/// Keeping only these means an edit to an unrelated spec leaves this spec's pipeline cached.
/// </summary>
internal static class RelatedSpecFiles
{
    public static EquatableArray<SpecFile> For(SpecSource source, IReadOnlyList<SpecFile> all)
    {
        var others = all.Where(file => file.Path != source.Path).ToList();
        var related = new List<SpecFile>();
        var pending = new Queue<string>();
        pending.Enqueue(source.Text);
        while (pending.Count > 0)
        {
            var text = pending.Dequeue();
            foreach (var file in others)
            {
                if (!related.Contains(file) && Names(text, file.Path))
                {
                    related.Add(file);
                    pending.Enqueue(file.Text);
                }
            }
        }

        foreach (var file in others)
        {
            if (!related.Contains(file) && Names(file.Text, source.Path))
            {
                related.Add(file);
            }
        }

        return related.ToEquatableArray();
    }

    private static bool Names(string text, string path)
    {
        var name = Path.GetFileName(path);
        return name.Length > 0 && text.IndexOf(name, StringComparison.Ordinal) >= 0;
    }
}
