using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Tracker.App.Features.Papers;
using Tracker.App.Features.Risks.Papers;
using Tracker.App.Features.Strategy.Papers;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings.Papers;

/// <summary>One paper of a meeting's pack: the agenda item it belongs to (if the agenda names it) and how to write it.</summary>
public sealed record PackPaper(string? AgendaNumber, string Name, string Title, Func<Stream, int?, CancellationToken, Task> WriteAsync);

/// <summary>
/// The meeting pack in one click: the agenda, then the papers in agenda order — previous minutes,
/// matters arising, the quarterly report of the quarter the meeting reviews, the risk register since
/// the previous meeting and the sub-group reports — as a .zip of Word documents, or as one PDF whose
/// page numbers match the agenda's page references. Every paper is as it stood at the end of the papers
/// deadline, reconstructed from dated history, not from a copy taken at the deadline: the matters arising
/// and the quarterly report's action updates from their dated updates (RecordedAt); the report's metrics
/// and RAG overrides, the risk register, the sub-group reports and the previous minutes from the audit
/// trail (<see cref="AuditRewind"/>), which holds every change with its old value.
/// </summary>
public sealed class MeetingPackBuilder(MeetingsService meetings, MeetingPapers papers, ProgressReportDocument report,
    RiskRegisterDocument risks, CoverSheetService coverSheets, PdfConverter converter)
{
    public bool CanMakePdf => converter.IsAvailable;

    /// <summary>The papers after the agenda, in agenda order; those the agenda does not name come last. Null if there is no such meeting.</summary>
    public async Task<(MeetingPack Pack, IReadOnlyList<PackPaper> Papers)?> PapersAsync(int meetingId, CancellationToken ct)
    {
        if (await meetings.GetPackAsync(meetingId, ct, asAtPapersDeadline: true) is not { } pack) return null;
        var m = pack.Meeting;
        var quarter = Tracker.Domain.Strategy.FinancialQuarter.ReviewedBy(m.PapersDeadline);
        var since = pack.Previous?.Date;
        // A classification the clerk gave this meeting's report or register (e.g. OFFICIAL-SENSITIVE) marks it in the pack.
        async Task<Classification?> MarkingAsync(string paper) =>
            await coverSheets.GetAsync(m.Id, paper, ct) is { IsSaved: true } sheet ? sheet.Classification : null;
        var reportMarking = await MarkingAsync(CoverSheetPapers.ProgressReport);
        var registerMarking = await MarkingAsync(CoverSheetPapers.RiskRegister);

        var candidates = new List<(string Kind, PackPaper Paper)>();
        if (pack.Previous is { } previous)
            candidates.Add(("minutes", new PackPaper(null, $"minutes-{previous.Date:yyyy-MM-dd}", $"Minutes of the meeting held on {UkDates.Long(previous.Date)}",
                (s, first, c) => papers.WriteMinutesAsync(s, previous.Id, first, c, m.PapersAsAt))));
        candidates.Add(("matters-arising", new PackPaper(null, "matters-arising", "Matters arising",
            (s, first, c) => papers.WriteMattersArisingAsync(s, m.Id, first, c))));
        candidates.Add(("report", new PackPaper(null, $"progress-report-{quarter.Year}-q{quarter.Quarter}", $"{quarter.Label} progress report",
            (s, first, c) => report.WriteAsync(s, quarter, null, first, c, reportMarking, m.PapersCutOff))));
        candidates.Add(("risks", new PackPaper(null, "risk-register", "Risk register",
            (s, first, c) => risks.WriteAsync(s, since, first, c, registerMarking, m.PapersAsAt))));
        foreach (var slot in pack.SubGroupReports.Where(r => r.Report is not null))
        {
            var filed = slot.Report!;
            candidates.Add(($"sub-group:{slot.SubGroupId}", new PackPaper(null, $"sub-group-{Slug(slot.SubGroup)}", $"{slot.SubGroup} sub-group report",
                (s, first, _) => { papers.WriteSubGroupReport(s, m, filed, first, m.PapersAsAt); return Task.CompletedTask; })));
        }

        var ordered = new List<PackPaper>();
        void Take(string kind, string number)
        {
            var index = candidates.FindIndex(c => c.Kind == kind);
            if (index < 0) return;
            ordered.Add(candidates[index].Paper with { AgendaNumber = number });
            candidates.RemoveAt(index);
        }
        foreach (var item in pack.Agenda)
        {
            var link = item.PaperLink;
            if (link.Contains("/minutes", StringComparison.OrdinalIgnoreCase) && link.Contains("{previous}")) Take("minutes", item.Number);
            else if (link.Contains("matters-arising", StringComparison.OrdinalIgnoreCase)) Take("matters-arising", item.Number);
            else if (link.StartsWith("/actions/report", StringComparison.OrdinalIgnoreCase)) Take("report", item.Number);
            else if (link.StartsWith("/risks", StringComparison.OrdinalIgnoreCase)) Take("risks", item.Number);
            else if (pack.SubGroupReports.FirstOrDefault(r => r.Report is not null && IsAbout(item.Title, r.SubGroup)) is { } slot)
                Take($"sub-group:{slot.SubGroupId}", item.Number);
        }
        ordered.AddRange(candidates.Select(c => c.Paper));
        return (pack, ordered);
    }

    /// <summary>"Domestic Abuse Sub Group update" is about the "Domestic Abuse and VAWG" sub-group: the first word names it.</summary>
    static bool IsAbout(string agendaTitle, string subGroup) =>
        agendaTitle.Contains("sub", StringComparison.OrdinalIgnoreCase)
        && agendaTitle.StartsWith(subGroup.Split(' ')[0], StringComparison.OrdinalIgnoreCase);

    static string Slug(string text) => string.Concat(text.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : '-')).Trim('-');

    /// <summary>Each paper as .docx in a zip, written to the stream one paper at a time.</summary>
    public async Task<bool> WriteZipAsync(Stream output, int meetingId, CancellationToken ct)
    {
        if (await PapersAsync(meetingId, ct) is not { } found) return false;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var all = new List<PackPaper> { Agenda(meetingId, null) };
        all.AddRange(found.Papers);
        for (var i = 0; i < all.Count; i++)
        {
            using var buffer = new MemoryStream();
            await all[i].WriteAsync(buffer, null, ct);
            var entry = zip.CreateEntry($"{i:00}-{all[i].Name}.docx", CompressionLevel.Fastest);
            await using var target = entry.Open();
            buffer.Position = 0;
            await buffer.CopyToAsync(target, ct);
        }
        return true;
    }

    PackPaper Agenda(int meetingId, IReadOnlyDictionary<string, PageRange>? pages) =>
        new(null, "agenda", "Agenda", (s, first, c) => papers.WriteAgendaAsync(s, meetingId, pages, first, c));

    /// <summary>
    /// The pack as one PDF, in a file of its own that is deleted when the returned stream is closed.
    /// Two passes: the first counts each paper's pages, the second numbers the pages through the pack
    /// and writes the agenda's page references. Null if there is no such meeting.
    /// </summary>
    public async Task<Stream?> WritePdfAsync(int meetingId, CancellationToken ct)
    {
        if (!converter.IsAvailable) throw new PdfConverterMissingException();
        if (await PapersAsync(meetingId, ct) is not { } found) return null;
        var folder = Directory.CreateTempSubdirectory("tracker-pack-").FullName;
        try
        {
            var papersOnly = found.Papers;
            var meeting = found.Pack.Meeting;
            // Pass 1: placeholder references the width of real ones, so the agenda's length does not change.
            var placeholders = papersOnly.Where(p => p.AgendaNumber is not null).ToDictionary(p => p.AgendaNumber!, _ => new PageRange(88, 88));
            var pass1 = new List<(PackPaper, int?)> { (Agenda(meetingId, placeholders), null) };
            pass1.AddRange(papersOnly.Select(p => (p, (int?)null)));
            var counts = (await RenderAsync(folder, "pass1", pass1, ct)).Select(PageCount).ToList();

            // As the published packs: every paper starts on a right-hand (odd) page for double-sided
            // printing, a paper of an odd number of pages followed by "This page is left intentionally blank".
            var pass2 = new List<(PackPaper, int?)>();
            var ranges = new Dictionary<string, PageRange>();
            var page = 1;
            for (var i = 0; i < counts.Count; i++)
            {
                var paper = i == 0 ? null : papersOnly[i - 1];
                if (paper?.AgendaNumber is { } number) ranges[number] = new PageRange(page, page + counts[i] - 1);
                pass2.Add((paper ?? default!, page));
                page += counts[i];
                if (counts[i] % 2 == 1 && i < counts.Count - 1)
                {
                    var blank = page;
                    pass2.Add((new PackPaper(null, $"blank-{blank}", "", (s, _, _) => { papers.WriteBlankPage(s, meeting, blank); return Task.CompletedTask; }), blank));
                    page++;
                }
            }
            // Pass 2: the papers numbered through the pack, and the agenda with its page references.
            pass2[0] = (Agenda(meetingId, ranges), 1);
            var second = await RenderAsync(folder, "pass2", pass2, ct);

            var merged = Path.Combine(Path.GetTempPath(), $"tracker-pack-{Guid.NewGuid():N}.pdf");
            using (var pack = new PdfDocument())
            {
                pack.Info.Title = $"Meeting pack, {found.Pack.Meeting.Title}";
                pack.Info.Creator = "Safer Bromley Partnership tracker";
                foreach (var file in second)
                {
                    using var part = PdfReader.Open(file, PdfDocumentOpenMode.Import);
                    foreach (var p in part.Pages) pack.AddPage(p);
                }
                pack.Save(merged);
            }
            return new FileStream(merged, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Writes each paper as .docx (numbered from its first page, when given) and converts them all in one LibreOffice run.</summary>
    async Task<IReadOnlyList<string>> RenderAsync(string folder, string pass, IReadOnlyList<(PackPaper Paper, int? FirstPage)> all, CancellationToken ct)
    {
        var dir = Directory.CreateDirectory(Path.Combine(folder, pass)).FullName;
        var files = new List<string>();
        for (var i = 0; i < all.Count; i++)
        {
            var path = Path.Combine(dir, $"{i:00}-{all[i].Paper.Name}.docx");
            await using (var file = File.Create(path))
                await all[i].Paper.WriteAsync(file, all[i].FirstPage, ct);
            files.Add(path);
        }
        return await converter.ConvertAsync(files, ct);
    }

    static int PageCount(string pdf)
    {
        using var document = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
        return document.PageCount;
    }
}
