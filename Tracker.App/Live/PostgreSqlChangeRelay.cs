using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using Tracker.App.Hosting;

namespace Tracker.App.Live;

/// <summary>Carries this instance's committed changes and presence to the other instances.</summary>
public interface IChangeRelay
{
    /// <summary>This instance's id: its own notifications come back to it and are ignored by it.</summary>
    string InstanceId { get; }

    /// <summary>True while the relay listens: other instances' changes reach this one.</summary>
    bool Listening { get; }

    /// <summary>Queues committed changes for the other instances (never blocks, never throws).</summary>
    void Send(IReadOnlyList<ChangeEvent> changes);

    /// <summary>This instance's viewers of a topic changed.</summary>
    void PresenceChanged(string topic);
}

/// <summary>
/// Several instances on one PostgreSQL database: each commit's change events are sent to the others
/// with <c>NOTIFY tracker_changes</c>, and each instance <c>LISTEN</c>s on a connection of its own.
/// An instance ignores its own echo; other instances' events are published to local subscribers and
/// move the local change feed versions, so committed-data caches invalidate. A notification sent while
/// the listening connection is down is lost, so after a reconnect the instance moves every cache on
/// and asks every circuit to reload what it shows (<see cref="ChangeFeed.RequestReload"/>).
/// Presence travels the same way (see <see cref="Presence"/>): a topic's viewers on this instance
/// whenever they change, all of them every <see cref="HeartbeatInterval"/>, a goodbye on shutdown,
/// and a hello on (re)connecting that makes the others send theirs at once.
/// </summary>
public sealed class PostgreSqlChangeRelay : BackgroundService, IChangeRelay
{
    public const string Channel = "tracker_changes";
    /// <summary>PostgreSQL's limit is 8000 bytes a payload; stay clear of it.</summary>
    const int MaxPayload = 7000;
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly TrackerDatabase _database;
    readonly ChangeFeed _feed;
    readonly Presence _presence;
    readonly TimeProvider _clock;
    readonly ILogger<PostgreSqlChangeRelay> _logger;
    readonly NpgsqlDataSource _senders;
    readonly Channel<string> _outbox = System.Threading.Channels.Channel.CreateUnbounded<string>(new() { SingleReader = true });
    readonly Channel<Message> _inbox = System.Threading.Channels.Channel.CreateUnbounded<Message>(new() { SingleReader = true, SingleWriter = true });
    volatile bool _listening;
    int _reconnects;

    public PostgreSqlChangeRelay(TrackerDatabase database, ChangeFeed feed, Presence presence, TimeProvider clock,
        ILogger<PostgreSqlChangeRelay> logger)
    {
        _database = database;
        _feed = feed;
        _presence = presence;
        _clock = clock;
        _logger = logger;
        InstanceId = Guid.NewGuid().ToString("N")[..12];
        var senders = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = $"tracker-notify:{InstanceId}" };
        _senders = NpgsqlDataSource.Create(senders.ConnectionString);
        feed.Relay = this;
        presence.Relay = this;
    }

    public string InstanceId { get; }
    public bool Listening => _listening;

    /// <summary>How many times the listening connection was restored after a drop (tests, health).</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>The application name of the listening connection, to find it in pg_stat_activity.</summary>
    public string ListenerApplicationName => $"tracker-relay:{InstanceId}";

    /// <summary>What travels in a notification. Type: c = changes, p = presence, h = hello, b = goodbye, r = reload (a change too large to send).</summary>
    public sealed record Message(string Instance, string Type, IReadOnlyList<ChangeEvent>? Changes = null,
        IReadOnlyList<TopicViewers>? Presence = null);

    public sealed record TopicViewers(string Topic, IReadOnlyList<Presence.Viewer> Viewers);

    public void Send(IReadOnlyList<ChangeEvent> changes)
    {
        if (changes.Count == 0) return;
        var payload = Serialize(new Message(InstanceId, "c", changes));
        if (Encoding.UTF8.GetByteCount(payload) <= MaxPayload) Enqueue(payload);
        else if (changes.Count > 1) foreach (var change in changes) Send([change]);
        else
        {
            // One event too large to send (a very long label): tell the others to reload everything.
            _logger.LogWarning("A change event was too large to relay; asking the other instances to reload");
            Enqueue(Serialize(new Message(InstanceId, "r")));
        }
    }

    public void PresenceChanged(string topic) =>
        SendPresence([new TopicViewers(topic, _presence.LocalViewers(topic))]);

    void SendPresence(IReadOnlyList<TopicViewers> topics)
    {
        var batch = new List<TopicViewers>();
        foreach (var whole in topics)
        {
            // A topic whose viewers alone would not fit (hundreds of distinct people) is sent with as many
            // as fit: the count the others show is then short, never the relay broken.
            var topic = whole;
            while (topic.Viewers.Count > 1 && Encoding.UTF8.GetByteCount(Serialize(new Message(InstanceId, "p", Presence: [topic]))) > MaxPayload)
                topic = topic with { Viewers = [.. topic.Viewers.Take(topic.Viewers.Count / 2)] };
            batch.Add(topic);
            if (batch.Count > 1 && Encoding.UTF8.GetByteCount(Serialize(new Message(InstanceId, "p", Presence: batch))) > MaxPayload)
            {
                batch.RemoveAt(batch.Count - 1);
                Enqueue(Serialize(new Message(InstanceId, "p", Presence: batch)));
                batch = [topic];
            }
        }
        if (batch.Count > 0) Enqueue(Serialize(new Message(InstanceId, "p", Presence: batch)));
    }

    void SendAllPresence(string type = "p")
    {
        var topics = _presence.LocalTopics().Select(t => new TopicViewers(t, _presence.LocalViewers(t))).ToList();
        if (type == "h") Enqueue(Serialize(new Message(InstanceId, "h")));
        SendPresence(topics);
    }

    void Enqueue(string payload) => _outbox.Writer.TryWrite(payload);

    static string Serialize(Message message) => JsonSerializer.Serialize(message, Json);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken), DispatchAsync(stoppingToken), HeartbeatAsync(stoppingToken));

    async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var connectedBefore = false;
        var csb = new NpgsqlConnectionStringBuilder(_database.ConnectionString)
        {
            ApplicationName = ListenerApplicationName,
            Pooling = false,
            KeepAlive = 10,
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(csb.ConnectionString);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _listening = true;
                delay = TimeSpan.FromMilliseconds(100);
                if (connectedBefore)
                {
                    // Whatever was sent while we were away is lost: every cache and every circuit reloads.
                    Interlocked.Increment(ref _reconnects);
                    _logger.LogWarning("The change relay reconnected; asking every circuit to reload");
                    _feed.RequestReload();
                }
                else _logger.LogInformation("The change relay listens as instance {Instance}", InstanceId);
                connectedBefore = true;
                // Hello: the others send their viewers at once; ours go with it.
                SendAllPresence("h");
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (_listening) _logger.LogWarning(ex, "The change relay lost its connection; reconnecting");
                _listening = false;
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { break; }
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
        _listening = false;
    }

    void OnNotification(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(payload, Json);
            if (message is null || message.Instance == InstanceId) return;
            _inbox.Writer.TryWrite(message);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignored a change relay notification that could not be read");
        }
    }

    /// <summary>
    /// Off the listening connection's thread, whatever has arrived since the last round at once: every
    /// change of the round is published in one go (several saves of one record become one event for each
    /// subscriber, see <see cref="ChangeFeed.OnePerRecord"/>), so a burst of notifications on a busy
    /// instance costs its circuits one reload, not one each. Presence, hellos and reload requests are
    /// applied in order; a reload request is answered once a round, after the round's changes.
    /// </summary>
    async Task DispatchAsync(CancellationToken stoppingToken)
    {
        var round = new List<Message>();
        try
        {
            while (await _inbox.Reader.WaitToReadAsync(stoppingToken))
            {
                round.Clear();
                while (round.Count < MaxRound && _inbox.Reader.TryRead(out var message)) round.Add(message);
                await ApplyAsync(round, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>The most messages applied in one round (a long backlog still moves in steps).</summary>
    const int MaxRound = 500;

    async Task ApplyAsync(IReadOnlyList<Message> round, CancellationToken stoppingToken)
    {
        var changes = new List<ChangeEvent>();
        bool reload = false, hello = false;
        var now = _clock.GetUtcNow();
        foreach (var message in round)
        {
            try
            {
                switch (message.Type)
                {
                    case "c" when message.Changes is { Count: > 0 } relayed:
                        changes.AddRange(relayed);
                        break;
                    case "p" when message.Presence is { } topics:
                        foreach (var topic in topics) _presence.ApplyRemote(message.Instance, topic.Topic, topic.Viewers, now);
                        _presence.Heard(message.Instance, now);
                        break;
                    case "h":
                        // A new or reconnected instance: it does not know our viewers yet.
                        hello = true;
                        break;
                    case "r":
                        reload = true;
                        break;
                    case "b":
                        _presence.ForgetRemote(message.Instance, DateTimeOffset.MinValue);
                        break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "A relayed {Type} message could not be applied", message.Type);
            }
        }
        try
        {
            if (changes.Count > 0) await _feed.PublishRelayedAsync(changes, stoppingToken);
            if (reload) _feed.RequestReload();
            if (hello) SendAllPresence();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Relayed changes could not be applied");
        }
        if (round.Count > 1) _logger.LogDebug("Applied {Messages} relayed messages together ({Changes} changes)", round.Count, changes.Count);
    }

    /// <summary>
    /// Sends what is queued: each round takes everything waiting (up to <see cref="MaxRound"/>) and sends it
    /// in one statement, one <c>pg_notify</c> per payload in order, so a burst of saves costs one round trip.
    /// </summary>
    async Task SendAsync(CancellationToken stoppingToken)
    {
        var payloads = new List<string>();
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(stoppingToken))
            {
                payloads.Clear();
                while (payloads.Count < MaxRound && _outbox.Reader.TryRead(out var payload)) payloads.Add(payload);
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await NotifyAsync(payloads, stoppingToken);
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException && attempt < 3)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100 * (attempt + 1)), stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The others reload when their own connection comes back; a lost send is logged.
                        _logger.LogWarning(ex, "The change relay could not notify the other instances");
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    async Task NotifyAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        await using var command = payloads.Count == 1
            ? _senders.CreateCommand("SELECT pg_notify(@channel, @payload)")
            // WITH ORDINALITY … ORDER BY: the notifications go out in the order they were queued.
            : _senders.CreateCommand("SELECT pg_notify(@channel, p.payload) FROM unnest(@payloads) WITH ORDINALITY AS p(payload, n) ORDER BY p.n");
        command.Parameters.AddWithValue("channel", Channel);
        if (payloads.Count == 1) command.Parameters.AddWithValue("payload", payloads[0]);
        else command.Parameters.AddWithValue("payloads", payloads.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (_listening) SendAllPresence();
                _presence.ForgetRemote(null, _clock.GetUtcNow() - Presence.RemoteExpiry);
            }
        }
        catch (OperationCanceledException) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Goodbye: the others stop counting this instance's viewers at once.
        try
        {
            await using var command = _senders.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", Serialize(new Message(InstanceId, "b")));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogDebug(ex, "Could not say goodbye to the other instances");
        }
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        _senders.Dispose();
    }
}
