using System.Diagnostics;

namespace FleetSample;

/// <summary>
/// An account's requests as the CRM counts them: arrivals in a sliding window, the most ever seen in one window, and
/// the arrivals that came when the window was already full (refused with 429, as HubSpot does past 100 per 10 s).
/// </summary>
public sealed class RequestWindow(int limit, TimeSpan window)
{
    private readonly Queue<long> _arrivals = new();
    private readonly object _gate = new();

    public int Limit { get; } = limit;

    public TimeSpan Window { get; } = window;

    /// <summary>Every request of the account, refused or not.</summary>
    public int Requests { get; private set; }

    /// <summary>The most requests that arrived within one window.</summary>
    public int MostInWindow { get; private set; }

    /// <summary>Requests that arrived with <see cref="Limit"/> already reached in the window: the account went over its limit.</summary>
    public int OverLimit { get; private set; }

    /// <summary>Counts an arrival; false when it is over the limit.</summary>
    public bool Arrive()
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var oldest = now - (long)(Window.TotalSeconds * Stopwatch.Frequency);
            while (_arrivals.Count > 0 && _arrivals.Peek() <= oldest)
            {
                _arrivals.Dequeue();
            }

            Requests++;
            _arrivals.Enqueue(now);
            MostInWindow = Math.Max(MostInWindow, _arrivals.Count);
            if (_arrivals.Count > Limit)
            {
                OverLimit++;
                return false;
            }

            return true;
        }
    }
}
