using System.Net.Http.Json;
using System.Text.Json;

namespace CircuitLoad;

/// <summary>One save: when the writer sent it and got the answer, and when the app saw it committed (Unix ms, one clock).</summary>
public sealed record Save(int Version, double Sent, double? Committed, double Returned);

/// <summary>What the app has allocated, collected and compiled so far (GET /bench/gc).</summary>
public sealed record GcCounts(long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PauseMs, int JitMethods, double JitMs);

/// <summary>
/// The administrator saving a risk's title through the app's own RiskService, by the bench-only
/// endpoint (POST /bench/risks/{id}/title, mapped only with Bench__Endpoints=true). The title carries
/// a token, "[bench 00017]", that each viewer looks for in its render batches.
/// </summary>
public sealed class Writer(HttpClient http)
{
    public static async Task<Writer> StartAsync(Uri baseUri) => new((await SignIn.AsAsync(baseUri, "admin")).Http);

    /// <summary>A title without a token, so a page opened now shows none of an earlier run's.</summary>
    public Task<Save> ResetAsync(int riskId) => SaveAsync(riskId, 0);

    public async Task<Save> SaveAsync(int riskId, int change)
    {
        var text = Uri.EscapeDataString(change == 0 ? "Bench risk" : $"Bench risk [bench {change:D5}]");
        using var response = await http.PostAsync($"/bench/risks/{riskId}/title?text={text}", null);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Save {change}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()} (is Bench__Endpoints=true?)");
        return (await response.Content.ReadFromJsonAsync<Save>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }

    /// <summary>The saving instance's allocations and collections so far; null from an app without /bench/gc.</summary>
    public async Task<GcCounts?> GcAsync()
    {
        using var response = await http.GetAsync("/bench/gc");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<GcCounts>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) : null;
    }
}
