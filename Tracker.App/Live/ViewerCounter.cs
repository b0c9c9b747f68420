using System.Collections.Concurrent;

namespace Tracker.App.Live;

/// <summary>How many connections are viewing each topic, for "3 people viewing" on the chair's screens.</summary>
public sealed class ViewerCounter
{
    readonly ConcurrentDictionary<string, HashSet<string>> _byTopic = new();
    readonly Lock _lock = new();

    public int Join(string connectionId, string topic)
    {
        lock (_lock)
        {
            var set = _byTopic.GetOrAdd(topic, _ => []);
            set.Add(connectionId);
            return set.Count;
        }
    }

    public IReadOnlyList<(string Topic, int Count)> Leave(string connectionId)
    {
        lock (_lock)
        {
            var left = new List<(string, int)>();
            foreach (var (topic, set) in _byTopic)
                if (set.Remove(connectionId)) left.Add((topic, set.Count));
            return left;
        }
    }

    public int Count(string topic)
    {
        lock (_lock) return _byTopic.TryGetValue(topic, out var set) ? set.Count : 0;
    }
}
