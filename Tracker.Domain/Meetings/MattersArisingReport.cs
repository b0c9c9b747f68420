namespace Tracker.Domain.Meetings;

public sealed record UpdateSnapshot(string Text, string Author, DateOnly On);

/// <summary>A matter arising as the report needs it, independent of the database.</summary>
public sealed record MatterSnapshot(
    int Id, string MinuteNumber, string Title, DateOnly MeetingDate, string ResolutionText, string Owners,
    MatterStatus Status, DateOnly? ClosedOn, string? ClosingNote, IReadOnlyList<UpdateSnapshot> Updates)
{
    /// <summary>Closed on or before the given date.</summary>
    public bool ClosedBy(DateOnly date) => Status == MatterStatus.Closed && ClosedOn is { } closed && closed <= date;
}

/// <summary>One matter on the report: whether it stood closed at the meeting, and its latest update then.</summary>
public sealed record ReportLine(MatterSnapshot Matter, bool Closed, UpdateSnapshot? LatestUpdate);

/// <summary>One row of Appendix A: a minute (number, title, date) and its matters.</summary>
public sealed record ReportRow(string MinuteNumber, string Title, DateOnly MeetingDate, IReadOnlyList<ReportLine> Lines);

/// <summary>
/// The carry-forward rules of the matters-arising report ("Appendix A") for a meeting:
/// every matter resolved at an earlier meeting that was still open at the meeting's date, plus those
/// closed since the previous meeting, marked closed. A matter closed before the previous meeting was
/// shown closed at that meeting and is not shown again. The report reads as it stood when its papers
/// went out (<paramref name="asAt"/>, the papers deadline; the meeting's date if not given): updates and
/// closures after it do not change the report, which is reconstructed from the dated history rather than
/// kept as a copy.
/// </summary>
public static class MattersArisingReport
{
    public static IReadOnlyList<ReportRow> For(DateOnly meetingDate, DateOnly? previousMeetingDate, IEnumerable<MatterSnapshot> matters, DateOnly? asAt = null)
    {
        var cutOff = asAt is { } at && at < meetingDate ? at : meetingDate;
        var lines = new List<ReportLine>();
        foreach (var matter in matters)
        {
            if (matter.MeetingDate >= meetingDate) continue;
            var closed = matter.ClosedBy(cutOff);
            if (closed && previousMeetingDate is { } previous && matter.ClosedOn <= previous) continue;
            var latest = matter.Updates.Where(u => u.On <= cutOff).OrderBy(u => u.On).LastOrDefault();
            lines.Add(new ReportLine(matter, closed, latest));
        }
        return lines
            .OrderBy(l => l.Matter.MeetingDate)
            .ThenBy(l => MinuteNumber.TryParse(l.Matter.MinuteNumber, out var n) ? n : default)
            .ThenBy(l => l.Matter.Id)
            .GroupBy(l => (l.Matter.MeetingDate, l.Matter.MinuteNumber, l.Matter.Title))
            .Select(g => new ReportRow(g.Key.MinuteNumber, g.Key.Title, g.Key.MeetingDate, g.ToList()))
            .ToList();
    }
}
