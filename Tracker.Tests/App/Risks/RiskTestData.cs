using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Risks;
using AngleSharp.Dom;
using Tracker.Tests.Support;

namespace Tracker.Tests.App.Risks;

static class RiskTestData
{
    public static Task<int> RiskIdAsync(this TrackerAppFactory app, string reference) =>
        app.WithDbAsync(db => db.Risks.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());

    public static Task<Risk> RiskAsync(this TrackerAppFactory app, string reference) =>
        app.WithDbAsync(db => db.Risks.AsNoTracking().Include(r => r.Assessments).Include(r => r.FurtherActions).Include(r => r.Reviews)
            .SingleAsync(r => r.Reference == reference));

    public static Task<int> GroupIdAsync(this TrackerAppFactory app, string shortName) =>
        app.WithDbAsync(db => db.Groups.Where(g => g.ShortName == shortName).Select(g => g.Id).SingleAsync());

    /// <summary>
    /// Like <see cref="HtmlForms.PostFormAsync"/>, but keeps every ticked checkbox of a group
    /// (the risk categories), which a dictionary of values cannot.
    /// </summary>
    public static async Task<HttpResponseMessage> PostRiskFormAsync(this HttpClient client, string url, Dictionary<string, string> changes)
    {
        var page = await client.GetPageAsync(url);
        return await client.PostAsync(url, new FormUrlEncodedContent(page.FormNamed("risk").AllValues(changes)));
    }

    public static List<KeyValuePair<string, string>> AllValues(this AngleSharp.Html.Dom.IHtmlFormElement form, Dictionary<string, string>? changes = null)
    {
        var values = form.CurrentValues();
        foreach (var (name, value) in changes ?? []) values[name] = value;
        var pairs = values.Where(v => v.Key != "Form.Categories").Select(v => new KeyValuePair<string, string>(v.Key, v.Value)).ToList();
        if (changes?.ContainsKey("Form.Categories") == true) pairs.Add(new("Form.Categories", changes["Form.Categories"]));
        else pairs.AddRange(form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.Categories']:checked").Select(c => new KeyValuePair<string, string>("Form.Categories", c.Value)));
        return pairs;
    }

    /// <summary>The references of the register table's rows, in order.</summary>
    public static IReadOnlyList<string> References(this AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-risk-table] tbody tr[data-risk]").Select(r => r.GetAttribute("data-risk")!).ToList();
}
