using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;
using Tracker.App.Features.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings.Papers;

/// <summary>Pages of the pack a paper occupies, for the agenda's "(Pages 5 - 20)".</summary>
public readonly record struct PageRange(int From, int To)
{
    public override string ToString() => From == To ? $"(Page {From})" : $"(Pages {From} - {To})";
}

/// <summary>
/// A meeting's own papers in the layouts of the published ones (000, 001, 003): the agenda, the
/// minutes, the matters-arising report with its committee cover sheet, the sub-group reports and
/// the forward plan. Data is read through the meetings services only.
/// </summary>
public sealed partial class MeetingPapers(MeetingsService meetings, MinutesAsAt minuteBook, MattersArisingService matters, CoverSheetService coverSheets,
    AttendanceService attendance, IOptions<PaperSettings> settings, TimeProvider clock)
{
    PaperSettings Settings => settings.Value;
    DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    static string When(TimeOnly? time) => time is { } t ? t.ToString("h.mm tt", UkDates.Culture).ToLowerInvariant() : "";

    string GroupTitle(string group) => group.StartsWith(Settings.Partnership, StringComparison.OrdinalIgnoreCase) ? group : $"{Settings.Partnership} {group}";

    // ---- Agenda ----

    public async Task<bool> WriteAgendaAsync(Stream stream, int meetingId, IReadOnlyDictionary<string, PageRange>? pages, int? firstPage, CancellationToken ct)
    {
        if (await meetings.GetPackAsync(meetingId, ct) is not { } pack) return false;
        var m = pack.Meeting;
        // "To: Members of the Strategic Group": the group's members, not everyone the tracker knows.
        var members = await attendance.MembersAsync(m.GroupId, ct);
        using var doc = new WordPaper(stream, new PaperInfo($"Agenda, {m.Title}", Settings.DefaultClassification, Today, FirstPageNumber: firstPage));

        doc.Para($"Contact for this Agenda: {FirstName(Settings.ContactOfficer)}\nTel: {Settings.ContactTelephone}\nE-mail: {Settings.ContactEmail}");
        doc.Para($"{Settings.Council}\n{UkDates.Long(Published(m))}");
        doc.Para("To: Members of the");
        doc.Heading(m.Group.ToUpperInvariant(), 1);
        doc.Para(string.Join("\n", AgendaMembers(members)), sizeHalfPoints: 20);
        doc.Para($"A meeting of the {GroupTitle(m.Group)} will be held at {m.Venue} on {m.Date.ToString("dddd d MMMM yyyy", UkDates.Culture).ToUpperInvariant()}" +
                 (m.StartTime is null ? "" : $" at {When(m.StartTime)}"), bold: true);
        doc.Heading("A G E N D A", 1, centred: true);

        if (pack.Agenda.Count == 0) doc.Para("The agenda has not been published yet.");
        foreach (var item in pack.Agenda)
        {
            var sub = item.Number.Length > 0 && char.IsLetter(item.Number[^1]);
            var number = sub ? item.Number[^1].ToString() : item.Number;
            var reference = pages is not null && pages.TryGetValue(item.Number, out var range) ? $" {range}" : "";
            var p = doc.Para($"{number}\t{item.Title.ToUpperInvariant()}{reference}", bold: true, keepWithNext: false);
            p.ParagraphProperties!.Indentation = new Indentation { Left = sub ? "1134" : "567", Hanging = "567" };
            if (item.Title.Contains("question", StringComparison.OrdinalIgnoreCase)) QuestionsDeadlines(doc, m);
        }
        if (pack.Next is { } next)
            doc.Para($"The next meeting of the {Settings.Partnership} is scheduled for {next.Date.ToString("dddd, d MMMM yyyy", UkDates.Culture)}" +
                     (next.StartTime is null ? "." : $" at {When(next.StartTime)}."));
        return true;
    }

    /// <summary>
    /// The members as paper 000 lists them: the Chairman, then the Vice-Chairman, then everyone else by
    /// surname; each "Name, (role)" with the office after it. The office is the "(Chairman)" or
    /// "(Vice-Chairman)" that ends a person's role title ("Safer Neighbourhood Board Chairman" is not it).
    /// </summary>
    internal static IEnumerable<string> AgendaMembers(IEnumerable<GroupMemberRow> members) =>
        members.Select(p =>
            {
                var match = OfficePattern().Match(p.RoleTitle);
                var role = match.Success ? p.RoleTitle[..match.Index].Trim() : p.RoleTitle.Trim();
                var office = !match.Success ? null : match.Groups["vice"].Success ? "Vice-Chairman" : "Chairman";
                var line = (role.Length == 0 ? p.Name : $"{p.Name}, ({role})") + (office is null ? "" : $" ({office})");
                return (Rank: office switch { "Chairman" => 0, "Vice-Chairman" => 1, _ => 2 }, Line: line);
            })
            .OrderBy(m => m.Rank) // stable: the rest stay in surname order
            .Select(m => m.Line);

    [System.Text.RegularExpressions.GeneratedRegex(@"\(\s*(?<vice>vice[- ]?)?chair(man|woman|person)?\s*\)\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex OfficePattern();

    static string FirstName(string officer) => officer.Split(',')[0].Trim();

    /// <summary>Papers are published by the papers deadline (or today, if that is earlier and they are out).</summary>
    static DateOnly Published(MeetingHeader m) => m.PapersDeadline;

    void QuestionsDeadlines(WordPaper doc, MeetingHeader m)
    {
        doc.Para($"In accordance with the Council's Constitution, questions that are not specific to reports on the agenda must have been received in writing 10 working days before the date of the meeting (by {UkDates.Long(WorkingDays(m.Date, -10))}).",
            sizeHalfPoints: 20);
        doc.Para("Questions specifically concerning reports on the agenda should be received within two working days of the publication date of the agenda. " +
                 $"Please ensure that questions specifically regarding reports on the agenda are received by the Democratic Services Team by 5pm on {UkDates.Long(WorkingDays(Published(m), 2))}.",
            sizeHalfPoints: 20);
    }

    static DateOnly WorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var date = from;
        for (var n = Math.Abs(days); n > 0;)
        {
            date = date.AddDays(step);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n--;
        }
        return date;
    }

    // ---- Minutes ----

    /// <param name="asAt">The next meeting's papers deadline, for its pack: the minutes as they stood at the end of that day.</param>
    public async Task<bool> WriteMinutesAsync(Stream stream, int meetingId, int? firstPage, CancellationToken ct, DateOnly? asAt = null)
    {
        if (await minuteBook.GetAsync(meetingId, asAt, ct) is not { } minutes) return false;
        var m = minutes.Meeting;
        using var doc = new WordPaper(stream, new PaperInfo($"Minutes, {m.Title}", Settings.DefaultClassification, Today, FirstPageNumber: firstPage));
        doc.Heading(GroupTitle(m.Group).ToUpperInvariant(), 1);
        doc.Para($"Minutes of the meeting held{(m.StartTime is null ? "" : $" at {When(m.StartTime)}")} on {UkDates.Long(m.Date)}");
        if (asAt is { } day) doc.Para($"As at {UkDates.Long(day)}, the papers deadline: changes made after it are not shown.", bold: true);
        // The record of their approval, as the minutes page shows it (minute 102 of 003: "agreed as a correct record", with its corrections).
        if (minutes.Agreed is { } agreed)
        {
            var at = agreed.AtDate is { } on
                ? $"Agreed as a correct record at the meeting on {UkDates.Long(on)}{(agreed.Minute is { } n ? $", minute {n}" : "")}."
                : "Agreed as a correct record (the meeting at which they were agreed was not recorded).";
            var corrections = agreed.Corrections.Length > 0 ? $" Corrections agreed then: {agreed.Corrections}"
                : agreed.AtDate is not null ? " No corrections were agreed." : "";
            doc.Para(at + corrections, bold: true);
        }
        else
        {
            doc.Para("Draft: not yet agreed as a correct record.", bold: true);
        }
        foreach (var (kind, heading) in new[] { (AttendanceKind.Present, "Present:"), (AttendanceKind.AlsoPresent, "Also Present:"), (AttendanceKind.Apologies, "Apologies:") })
        {
            var rows = minutes.Attendance.Where(a => a.Kind == kind).ToList();
            if (rows.Count == 0) continue;
            doc.Heading(heading, 3);
            doc.Para(string.Join("\n", rows.Select(r => r.Text)));
        }
        if (minutes.Items.Count == 0)
        {
            doc.Para("No minutes have been recorded for this meeting yet.");
        }
        else
        {
            var w = doc.TextWidth;
            var table = doc.Table(800, w - 800 - 1300, 1300);
            foreach (var item in minutes.Items)
            {
                table.Row(new WordCell(item.Number, Bold: true), new WordCell(item.Title.ToUpperInvariant(), Bold: true), new WordCell("Action", Bold: true));
                var text = new List<string>();
                if (!string.IsNullOrWhiteSpace(item.Text)) text.Add(item.Text);
                text.AddRange(item.Resolutions.Select(r => r.Text));
                var owners = string.Join("\n\n", item.Resolutions.Where(r => r.Owners.Length > 0).Select(r => r.Owners));
                if (text.Count > 0) table.Row(new WordCell(""), new WordCell(string.Join("\n\n", text)), new WordCell(owners, Bold: true));
                // Corrections after agreement, beside their minute as the minutes page shows them.
                foreach (var c in item.Corrections)
                    table.Row(new WordCell(""), new WordCell($"{c.Kind} on {UkDates.LongWithTime(c.CorrectedAt)} by {c.CorrectedBy}: {c.Reason}\n{c.Detail}",
                                                             Italic: true), new WordCell(""));
            }
        }
        doc.Para("The meeting ended at ……………", keepWithNext: true);
        doc.Para("\n\n……………………………………\nChairman");
        return true;
    }

    // ---- Matters arising: the committee cover sheet, then Appendix A ----

    public async Task<bool> WriteMattersArisingAsync(Stream stream, int meetingId, int? firstPage, CancellationToken ct)
    {
        if (await matters.ReportAsync(meetingId, ct) is not { } report) return false;
        if (await coverSheets.GetAsync(meetingId, CoverSheetPapers.MattersArising, ct) is not { } cover) return false;
        var pack = await meetings.GetPackAsync(meetingId, ct);
        var title = pack?.Agenda.FirstOrDefault(a => a.PaperLink.Contains("matters-arising", StringComparison.OrdinalIgnoreCase))?.Title ?? "Matters arising";
        var m = report.Meeting;
        using var doc = new WordPaper(stream, new PaperInfo($"{title}, {m.Title}", cover.Classification, Today, FirstPageNumber: firstPage));

        doc.Para("Report No.\n" + (cover.ReportNumber.Length > 0 ? cover.ReportNumber : "(to be allocated)"), bold: true,
            align: JustificationValues.Right);
        doc.Heading(Settings.Council, 1, centred: true);
        doc.Heading(cover.Classification == Classification.Public ? "PART ONE - PUBLIC" : $"PART TWO - {cover.Classification.Label()}", 2, centred: true);
        doc.Rule();
        doc.Field("Decision Maker:", Settings.DecisionMaker);
        doc.Field("Date:", UkDates.Long(m.Date));
        doc.Field("Decision Type:", cover.DecisionType);
        doc.Field("Title:", title.ToUpperInvariant());
        doc.Field("Contact Officer:", $"{cover.ContactOfficer}\nTel: {cover.ContactTelephone}   E-mail: {cover.ContactEmail}");
        doc.Field("Chief Officer:", cover.ChiefOfficer);
        doc.Field("Ward:", cover.Ward);
        doc.Rule();
        doc.Heading("1. Reason for report", 2);
        doc.Para("1.1 " + cover.Reason);
        doc.Rule();
        doc.Heading("2. RECOMMENDATION", 2);
        doc.Para("2.1 " + cover.Recommendation);
        var w = doc.TextWidth;
        var table = doc.Table(w / 3, w - w / 3);
        table.Row(new WordCell("Non-Applicable Sections:", Bold: true), new WordCell("Policy/Financial/Legal/Personnel"));
        table.Row(new WordCell("Background Documents: (Access via Contact Officer)", Bold: true),
            new WordCell("Minutes of the last meeting, and the previous Matters Arising Report."));

        doc.PageBreak();
        doc.Heading("Appendix A", 1);
        doc.Para($"As at {UkDates.Long(report.AsAt)}, the papers deadline.");
        var appendix = doc.Table(w * 28 / 100, w * 36 / 100, w - w * 64 / 100);
        appendix.Header("Minute Number/Title", "Matters Arising", "Update");
        if (report.Rows.Count == 0) appendix.Row(new WordCell("There are no matters arising from previous meetings.", Span: 3));
        foreach (var row in report.Rows)
        {
            var arising = string.Join("\n\n", row.Lines.Select(l => l.Matter.ResolutionText + (l.Matter.Owners.Length > 0 ? $" (Action: {l.Matter.Owners})" : "")));
            // Two matters of one minute often share an update; the paper prints it once.
            var updates = row.Lines.Where(l => l.LatestUpdate is not null).Select(l => l.LatestUpdate!).DistinctBy(u => u.Text)
                .Select(u => u.Text).ToList();
            if (row.Lines.Any(l => l.Closed) && !updates.Any(u => u.Contains("closed", StringComparison.OrdinalIgnoreCase))) updates.Add("This matter is now closed.");
            appendix.Row(new WordCell($"Minute {row.MinuteNumber}\n{row.Title}\n\n{UkDates.Long(row.MeetingDate)}", Bold: true),
                new WordCell(arising), new WordCell(updates.Count == 0 ? "No update yet." : string.Join("\n\n", updates)));
        }
        return true;
    }

    // ---- Sub-group reports: the standard report template (003) ----

    /// <param name="asAt">The papers deadline when the report is the pack's version, as it stood then.</param>
    public void WriteSubGroupReport(Stream stream, MeetingHeader meeting, SubGroupReportView report, int? firstPage, DateOnly? asAt = null)
    {
        using var doc = new WordPaper(stream, new PaperInfo($"{report.SubGroup} report, {meeting.Title}", Settings.DefaultClassification, Today, FirstPageNumber: firstPage));
        doc.Heading(Settings.Partnership, 1);
        doc.Heading(report.SubGroup, 2);
        doc.Heading($"{meeting.Group} Report", 3);
        if (asAt is { } day) doc.Para($"As at {UkDates.Long(day)}, the papers deadline.", bold: true);
        doc.Para($"Date report filed: {UkDates.Long(report.DateFiled)}");
        doc.Para($"Date of last {meeting.Group}: {(report.LastStrategicGroup is { } last ? UkDates.Long(last) : "none")}");
        doc.Para($"Author: {report.Author}");
        foreach (var (label, text) in new[] { ("Operational Update:", report.OperationalUpdate), ("Strategic Group Update:", report.StrategicGroupUpdate),
                     ("Action Plan Update:", report.ActionPlanUpdate), ("Action for Safer Bromley Partnership:", report.ActionForPartnership) })
        {
            doc.Heading(label, 3);
            if (string.IsNullOrWhiteSpace(text)) doc.Para("None given.", italic: true);
            else doc.Paragraphs(text);
        }
    }

    /// <summary>The back of a paper with an odd number of pages, in a pack printed double-sided.</summary>
    public void WriteBlankPage(Stream stream, MeetingHeader meeting, int page)
    {
        using var doc = new WordPaper(stream, new PaperInfo($"Meeting pack, {meeting.Title}", Settings.DefaultClassification, Today, FirstPageNumber: page));
        doc.Para(string.Concat(Enumerable.Repeat("\n", 14)) + "This page is left intentionally blank", align: JustificationValues.Center);
    }

    // ---- Forward plan (001) ----

    public async Task WriteForwardPlanAsync(Stream stream, CancellationToken ct)
    {
        var plan = await meetings.ForwardPlanAsync(ct);
        using var doc = new WordPaper(stream, new PaperInfo("Forward Plan", Settings.DefaultClassification, Today));
        doc.Heading("Forward Plan", 1);
        doc.Para($"{Settings.Partnership}: meetings not yet held and the items planned for them.");
        var w = doc.TextWidth;
        var table = doc.Table(w / 2, w - w / 2);
        if (plan.Count == 0) table.Row(new WordCell("No meetings are scheduled.", Span: 2));
        foreach (var meeting in plan)
        {
            var when = UkDates.Long(meeting.Date) + (meeting.StartTime is null ? "" : $", {When(meeting.StartTime)}");
            table.Row(new WordCell($"{when}\n{meeting.Group}", Bold: true, Fill: "D9D9D9"), new WordCell("Presentations and Discussions", Bold: true, Fill: "D9D9D9"));
            table.Row(new WordCell(meeting.Items.Count == 0 ? "To be confirmed" : string.Join("\n", meeting.Items)),
                new WordCell(meeting.Presentations.Count == 0 ? "" : string.Join("\n", meeting.Presentations)));
        }
    }
}
