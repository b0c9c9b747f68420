using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CircuitLoad;

/// <summary>
/// One simulated browser tab. It does what blazor.web.js (.NET 8 and later) does for a prerendered
/// page, and nothing it does not: GET the page with the sign-in cookie; find the server component
/// markers (<c>&lt;!--Blazor:{...}--&gt;</c>) and the persisted state
/// (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>); connect to <c>/_blazor</c> (negotiate, then
/// WebSockets) with the "blazorpack" protocol (MessagePack); <c>StartCircuit(baseUri, href, "[]", state)</c>
/// (the web root component manager starts with no initial components); then
/// <c>UpdateRootComponents({batchId:1, operations:[{type:"add", ssrComponentId, marker}]}, state)</c>.
/// Every render batch is acknowledged (<c>OnRenderCompleted(batchId, null)</c>), every JS interop call
/// with a handle is answered as done with a null result (<c>EndInvokeJSFromDotNet</c>). The DOM is not
/// built: a batch is only searched for the bench's change tokens ("[bench 00017]").
/// </summary>
public sealed partial class Viewer(Uri baseUri, CookieContainer cookies, HttpClient http, int changes) : IAsyncDisposable
{
    HubConnection? _hub;
    readonly TaskCompletionSource _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    DateTime _lastBatch;

    public string? CircuitId { get; private set; }
    public int Batches;
    public long BatchBytes;
    public int JsCalls;
    public string? Error { get; private set; }
    /// <summary>When (Unix ms, this machine's clock) each change token first arrived in a render batch; NaN if never.</summary>
    public double[] Received { get; } = Enumerable.Repeat(double.NaN, changes + 1).ToArray();
    /// <summary>Every message in and out, when tracing (the validation against a browser).</summary>
    public List<string>? Trace { get; set; }
    public DateTime LastBatch => _lastBatch;
    /// <summary>Print the text runs of each batch in the trace (what a change costs on the wire).</summary>
    public bool DumpBatches { get; set; }

    static IEnumerable<string> PrintableRuns(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        return Regex.Matches(text, @"[\x20-\x7E\u00A0-\uFFFC]{6,}").Select(m => m.Value.Length > 80 ? m.Value[..80] + "…" : m.Value);
    }

    /// <summary>Prefix trace lines with the time (ms, last five digits of the Unix time).</summary>
    public bool TraceTimes { get; set; }

    public static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10_000.0;

    public async Task StartAsync(string path, CancellationToken ct)
    {
        var pageUri = new Uri(baseUri, path);
        using var response = await http.GetAsync(pageUri, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri?.AbsolutePath != pageUri.AbsolutePath)
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        var markers = Markers().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => m.ContainsKey("descriptor")).ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"No interactive components on {path}");
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "_blazor"), o =>
        {
            o.Cookies = cookies;
            o.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        _hub = builder.Build();
        _hub.ServerTimeout = TimeSpan.FromMinutes(5);
        _hub.HandshakeTimeout = TimeSpan.FromMinutes(2);

        _hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], args => OnRenderBatch((long)args[0]!, (byte[])args[1]!));
        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        _hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], args =>
        {
            Interlocked.Increment(ref JsCalls);
            var handle = (long)args[0]!;
            Log($"in  JS.BeginInvokeJS {args[1]} handle={(handle == 0 ? "none" : "yes")} resultType={args[3]} callType={args[5]}");
            if (handle == 0) return Task.CompletedTask;
            var result = Answers.TryGetValue((string)args[1]!, out var answer) ? answer : "null";
            return Send("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
        });
        _hub.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], args => { Log($"in  JS.EndInvokeDotNet"); return Task.CompletedTask; });
        _hub.On("JS.EndUpdateRootComponents", [typeof(long)], args => { Log($"in  JS.EndUpdateRootComponents {args[0]}"); return Task.CompletedTask; });
        _hub.On("JS.AttachComponent", [typeof(int), typeof(string)], args => { Log("in  JS.AttachComponent"); return Task.CompletedTask; });
        _hub.On("JS.EndLocationChanging", [typeof(int), typeof(bool)], _ => Task.CompletedTask);
        _hub.On("JS.SavePersistedState", [typeof(string), typeof(string), typeof(string)], _ => Task.CompletedTask);
        _hub.On("JS.Error", [typeof(string)], args =>
        {
            Error ??= "JS.Error: " + args[0];
            Log($"in  JS.Error {args[0]}");
            _firstBatch.TrySetResult();
            return Task.CompletedTask;
        });
        _hub.Closed += ex => { Log($"-- connection closed {ex?.Message}"); if (ex is not null) Error ??= "closed: " + ex.Message; return Task.CompletedTask; };

        await _hub.StartAsync(ct);
        Log("out StartCircuit");
        CircuitId = await _hub.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", state, ct);
        if (string.IsNullOrEmpty(CircuitId)) throw new InvalidOperationException("StartCircuit was refused");

        // What WebRootComponentManager sends once the renderer is attached: one "add" per marker, in
        // document order, ssrComponentId from 1, the marker as in the page plus the client's uniqueId.
        var operations = new JsonArray(markers.Select((marker, i) =>
        {
            marker["uniqueId"] = i;
            return (JsonNode)new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker };
        }).ToArray());
        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
        Log($"out UpdateRootComponents ({markers.Count} components)");
        await _hub.SendAsync("UpdateRootComponents", batch, state, ct);
        await _firstBatch.Task.WaitAsync(TimeSpan.FromMinutes(3), ct);
        if (Error is not null) throw new InvalidOperationException(Error);
    }

    Task OnRenderBatch(long batchId, byte[] data)
    {
        var now = NowMs();
        _lastBatch = DateTime.UtcNow;
        Interlocked.Increment(ref Batches);
        Interlocked.Add(ref BatchBytes, data.Length);
        FindTokens(data, now);
        Log($"in  JS.RenderBatch id={batchId} bytes={data.Length}");
        if (DumpBatches) Log("    strings: " + string.Join(" | ", PrintableRuns(data)));
        _firstBatch.TrySetResult();
        return Send("OnRenderCompleted", batchId, null);
    }

    /// <summary>
    /// The few calls whose answer changes what the page renders. MudBlazor's breakpoint service asks
    /// for the window's size: null would make it a phone's, and the layout would switch to the
    /// narrow drawer; the browser validation uses a 1280 × 900 window, so the viewers say the same.
    /// </summary>
    static readonly Dictionary<string, string> Answers = new()
    {
        ["mudResizeListener.getBrowserWindowSize"] = "{\"height\":900,\"width\":1280}",
    };

    static readonly byte[] TokenPrefix = "[bench "u8.ToArray();

    void FindTokens(ReadOnlySpan<byte> data, double now)
    {
        var offset = 0;
        while (true)
        {
            var at = data[offset..].IndexOf(TokenPrefix);
            if (at < 0) return;
            var start = offset + at + TokenPrefix.Length;
            if (start + 5 <= data.Length && int.TryParse(Encoding.ASCII.GetString(data.Slice(start, 5)), out var n)
                && n > 0 && n < Received.Length && double.IsNaN(Received[n]))
                Received[n] = now;
            offset = start;
        }
    }

    async Task Send(string method, params object?[] args)
    {
        if (_hub is null) return;
        Log($"out {method}{(method == "OnRenderCompleted" ? $" id={args[0]}" : "")}");
        try { await _hub.SendCoreAsync(method, args); }
        catch (Exception ex) when (ex is not OutOfMemoryException) { Error ??= method + ": " + ex.Message; }
    }

    void Log(string line)
    {
        if (Trace is { } t) lock (t) t.Add(TraceTimes ? $"{NowMs() % 100_000:F0} {line}" : line);
    }

    /// <summary>Tells the server the tab has gone (as blazor.web.js does on page hide): the circuit ends at once.</summary>
    public async Task CloseAsync()
    {
        if (CircuitId is not null)
            try
            {
                using var form = new FormUrlEncodedContent([new("circuitId", CircuitId)]);
                await http.PostAsync(new Uri(baseUri, "_blazor/disconnect"), form);
            }
            catch (HttpRequestException) { }
        await DisposeAsync();
    }

    /// <summary>Drops the connection without saying goodbye (a sleeping laptop): the server keeps the circuit for a reconnect.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
        _hub = null;
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Markers();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();

    /// <summary>Blazor's hub accepts only "blazorpack": SignalR's MessagePack protocol under another name.</summary>
    sealed class BlazorPackProtocol : IHubProtocol
    {
        readonly MessagePackHubProtocol _inner = new();
        public string Name => "blazorpack";
        public int Version => _inner.Version;
        public TransferFormat TransferFormat => TransferFormat.Binary;
        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);
        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);
        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);
        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}

/// <summary>Signs in through the app's own form (antiforgery token and all) and keeps the cookie.</summary>
public static partial class SignIn
{
    public const string Password = "Bromley-Demo-2026";

    public static async Task<(CookieContainer Cookies, HttpClient Http)> AsAsync(Uri baseUri, string account)
    {
        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true, MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(3) };
        var login = await http.GetStringAsync("/account/login");
        var token = Token().Match(login).Groups[1].Value;
        using var noRedirect = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
        var response = await noRedirect.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = $"{account}@example.org",
            ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {account} failed: {(int)response.StatusCode} (is SignIn__AccountPermitLimit raised?)");
        return (cookies, http);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
