using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Tracker.Tests.Support;

/// <summary>
/// Page tests as a browser without JavaScript would do them: GET a page, read its form (with the
/// antiforgery token), change some fields, POST it, and parse the answer.
/// </summary>
public static class HtmlForms
{
    static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// GETs <paramref name="url"/>, takes the form whose handler is <paramref name="formName"/>,
    /// keeps every value it already holds, applies <paramref name="changes"/>, and POSTs it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formName,
        Dictionary<string, string> changes)
    {
        var page = await client.GetPageAsync(url);
        var form = page.FormNamed(formName);
        var values = form.CurrentValues();
        foreach (var (name, value) in changes) values[name] = value;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static IHtmlFormElement FormNamed(this IDocument page, string formName) =>
        page.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
        ?? throw new InvalidOperationException($"No form '{formName}' on the page: {page.Title}");

    /// <summary>The values a browser would submit for this form as it stands.</summary>
    public static Dictionary<string, string> CurrentValues(this IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) values[box.Name!] = box.Value;
                    break;
                case IHtmlInputElement { Type: "submit" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values[input.Name] = input.Value;
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values[area.Name] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values[select.Name] = select.Value ?? "";
                    break;
            }
        }
        return values;
    }

    /// <summary>The error summary's messages, in order (GOV.UK pages not yet moved, and the new static pages).</summary>
    public static IReadOnlyList<string> ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll("[data-error-summary] li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The inline error of a field, without the hidden "Error:" prefix.</summary>
    public static string? FieldError(this IDocument page, string fieldId) =>
        page.QuerySelector($"#{fieldId}-error")?.TextContent.Replace("Error:", "").Trim();
}
