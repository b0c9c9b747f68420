using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Tracker.App.Live;

namespace Tracker.Tests.Support;

/// <summary>Stands in for the SignalR hub context and records what the change feed sends, and to which groups.</summary>
public sealed class RecordingHubContext : IHubContext<TrackerHub>
{
    public ConcurrentQueue<(IReadOnlyList<string> Groups, string Method, object?[] Args)> Sent { get; } = new();
    /// <summary>Runs as each message is sent, so a test can look at the database at that moment.</summary>
    public Func<ChangeEvent, Task>? OnSend { get; set; }

    public IHubClients Clients => new Recipients(this);
    public IGroupManager Groups => throw new NotSupportedException();

    public IReadOnlyList<ChangeEvent> Changes => Sent.Select(s => s.Args[0]).OfType<ChangeEvent>().ToList();

    sealed class Recipients(RecordingHubContext owner) : IHubClients
    {
        public IClientProxy Groups(IReadOnlyList<string> groupNames) => new Proxy(owner, groupNames);
        public IClientProxy All => new Proxy(owner, ["*"]);
        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => All;
        public IClientProxy Client(string connectionId) => new Proxy(owner, []);
        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => new Proxy(owner, []);
        public IClientProxy Group(string groupName) => new Proxy(owner, [groupName]);
        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => Group(groupName);
        public IClientProxy User(string userId) => new Proxy(owner, []);
        public IClientProxy Users(IReadOnlyList<string> userIds) => new Proxy(owner, []);
    }

    sealed class Proxy(RecordingHubContext owner, IReadOnlyList<string> groups) : IClientProxy
    {
        public async Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            if (args.FirstOrDefault() is ChangeEvent change && owner.OnSend is { } onSend) await onSend(change);
            owner.Sent.Enqueue((groups, method, args));
        }
    }
}
