namespace CrmSdkGen.Tool;

/// <summary>A command's arguments: positional values and "--name value" options, each to be used once.</summary>
internal sealed class ToolArguments
{
    private readonly List<string> _positional = new();
    private readonly List<(string Name, string? Value)> _options = new();
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public ToolArguments(IEnumerable<string> args)
    {
        using var enumerator = args.GetEnumerator();
        while (enumerator.MoveNext())
        {
            var argument = enumerator.Current;
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(argument);
            }
            else if (argument is "--additions" or "--custom-only" or "--all-fields")
            {
                _options.Add((argument, null));
            }
            else
            {
                _options.Add((argument, enumerator.MoveNext() ? enumerator.Current : throw new ToolUsageException($"{argument} needs a value.")));
            }
        }
    }

    public string Positional(int index, string name) =>
        index < _positional.Count ? _positional[index] : throw new ToolUsageException($"Missing {name}.");

    public string? Option(string name)
    {
        _used.Add(name);
        return _options.LastOrDefault(option => option.Name == name).Value;
    }

    public IEnumerable<string> Options(string name)
    {
        _used.Add(name);
        return _options.Where(option => option.Name == name).Select(option => option.Value!);
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.Any(option => option.Name == name);
    }

    /// <summary>Fails on extra positional values or options the command does not know.</summary>
    public void EnsureConsumed(int positionalCount)
    {
        if (_positional.Count > positionalCount)
        {
            throw new ToolUsageException($"Unexpected argument '{_positional[positionalCount]}'.");
        }

        if (_options.FirstOrDefault(option => !_used.Contains(option.Name)) is { Name: { } unknown })
        {
            throw new ToolUsageException($"Unknown option {unknown}.");
        }
    }
}
