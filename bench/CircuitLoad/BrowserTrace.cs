using System.Buffers;
using System.Text;
using System.Text.Json;
using MessagePack;
using Microsoft.Playwright;

namespace CircuitLoad;

/// <summary>
/// The validation of the load client: the same page in Debian's Chromium (Playwright), with the
/// circuit's WebSocket frames captured and decoded into the same lines the client's trace prints
/// (render batches with their id and size, JS interop calls by identifier, what goes back), then
/// one change saved by the same writer. Compare with <c>CircuitLoad trace</c>.
/// </summary>
public static class BrowserTrace
{
    public static async Task RunAsync(Uri baseUri, string path, string account, int riskId)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUri.ToString().TrimEnd('/'), ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", $"{account}@example.org");
        await page.FillAsync("#Password", SignIn.Password);
        await page.ClickAsync("button[type=submit]");
        // Sign-in lands on the dashboard, which opens a circuit of its own: let it settle, then trace only the page's.
        // (Waited for by its marker, which the sign-in page has not, rather than Playwright .NET's WaitForURLAsync,
        // which can miss a navigation that lands while it starts; see the README's notes on browser tests.)
        await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 60_000 });
        var writer = await Writer.StartAsync(baseUri);
        await writer.ResetAsync(riskId);
        var capturing = false;
        var token = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 90_000) + 1;
        Token = Encoding.ASCII.GetBytes($"[bench {token:D5}]");

        var lines = new List<string>();
        var last = DateTime.UtcNow;
        double? tokenAt = null;
        page.WebSocket += (_, ws) =>
        {
            if (!ws.Url.Contains("/_blazor") || !capturing) return;
            ws.FrameReceived += (_, f) => { last = DateTime.UtcNow; lock (lines) Decode(f, "in ", lines, ref tokenAt); };
            ws.FrameSent += (_, f) => { lock (lines) Decode(f, "out", lines, ref tokenAt); };
        };
        // Chromium would open a second circuit if the page were loaded twice: the trace starts with this load.
        capturing = true;
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 60_000 });
        await QuietAsync(() => last);
        lock (lines) lines.Add("-- change saved");
        var save = await writer.SaveAsync(riskId, token);
        await QuietAsync(() => last);
        lock (lines) foreach (var line in lines) Console.WriteLine(line);
        Console.WriteLine($"# token seen {tokenAt - save.Committed:F1} ms after the commit");
        await context.CloseAsync();
    }

    static async Task QuietAsync(Func<DateTime> last)
    {
        var limit = DateTime.UtcNow.AddSeconds(60);
        await Task.Delay(500);
        while (DateTime.UtcNow < limit && DateTime.UtcNow - last() < TimeSpan.FromSeconds(3)) await Task.Delay(200);
    }

    static byte[] Token = [];

    /// <summary>A WebSocket frame of the blazorpack protocol: the JSON handshake, then length-prefixed MessagePack messages.</summary>
    static void Decode(IWebSocketFrame frame, string direction, List<string> lines, ref double? tokenAt)
    {
        var data = frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? "");
        var offset = 0;
        if (data.Length > 0 && data[0] == (byte)'{')
        {
            offset = Array.IndexOf(data, (byte)0x1e) + 1;
            if (offset <= 0) return;
        }
        while (offset < data.Length)
        {
            // Length prefix: 7 bits a byte, least significant first.
            var length = 0; var shift = 0; byte b;
            do { b = data[offset++]; length |= (b & 0x7f) << shift; shift += 7; } while ((b & 0x80) != 0);
            var message = new ReadOnlySequence<byte>(data, offset, length);
            offset += length;
            var line = Describe(message, out var hasToken);
            if (hasToken && tokenAt is null) tokenAt = Viewer.NowMs();
            if (line is not null) lines.Add($"{direction} {line}");
        }
    }

    static string? Describe(ReadOnlySequence<byte> message, out bool hasToken)
    {
        hasToken = false;
        var reader = new MessagePackReader(message);
        reader.ReadArrayHeader();
        var type = reader.ReadInt32();
        if (type != 1) return null; // completions (StartCircuit's answer), pings, close
        reader.Skip(); // headers
        if (!reader.TryReadNil()) reader.Skip(); // invocation id
        var target = reader.ReadString()!;
        var count = reader.ReadArrayHeader();
        switch (target)
        {
            case "JS.RenderBatch":
            {
                var id = reader.ReadInt64();
                var bytes = reader.ReadBytes()!.Value.ToArray();
                hasToken = bytes.AsSpan().IndexOf(Token) >= 0;
                return $"JS.RenderBatch id={id} bytes={bytes.Length}";
            }
            case "JS.BeginInvokeJS":
            {
                var handle = reader.ReadInt64();
                var identifier = reader.ReadString();
                reader.Skip();
                var resultType = reader.ReadInt32();
                reader.Skip();
                var callType = count > 5 ? reader.ReadInt32() : 0;
                return $"JS.BeginInvokeJS {identifier} handle={(handle == 0 ? "none" : "yes")} resultType={resultType} callType={callType}";
            }
            case "OnRenderCompleted":
                return $"OnRenderCompleted id={reader.ReadInt64()}";
            case "UpdateRootComponents":
            {
                using var json = JsonDocument.Parse(reader.ReadString()!);
                return $"UpdateRootComponents ({json.RootElement.GetProperty("operations").GetArrayLength()} components)";
            }
            case "BeginInvokeDotNetFromJS":
            {
                reader.Skip(); reader.Skip();
                return $"BeginInvokeDotNetFromJS {reader.ReadString()}";
            }
            case "JS.EndUpdateRootComponents":
                return $"JS.EndUpdateRootComponents {reader.ReadInt64()}";
            default:
                return target;
        }
    }
}
