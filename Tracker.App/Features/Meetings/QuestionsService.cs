using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings;

/// <summary>
/// The log of questions from councillors and the public to a meeting, each marked late or on time
/// against the deadline that applies to it. Read by all; recorded and answered by the clerk.
/// </summary>
public sealed class QuestionsService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user)
{
    static readonly QuestionInputValidator _validator = new();

    public async Task<QuestionsLog?> GetLogAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var header = await MeetingQueries.HeaderAsync(db, meetingId, ct);
        if (header is null) return null;
        var deadlines = header.QuestionDeadlines;
        var questions = (await db.MeetingQuestions.AsNoTracking().Where(q => q.MeetingId == meetingId).ToListAsync(ct))
            .OrderBy(q => q.ReceivedOn).ThenBy(q => q.ReceivedTime).ThenBy(q => q.Id)
            .Select(q => Row(q, deadlines)).ToList();
        return new QuestionsLog(header, deadlines, questions);
    }

    public async Task<QuestionRow?> GetAsync(int questionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = await db.MeetingQuestions.AsNoTracking().Include(q => q.Meeting).SingleOrDefaultAsync(q => q.Id == questionId, ct);
        return q is null ? null : Row(q, QuestionDeadlines.For(q.Meeting!.Date, q.Meeting.AgendaPublished));
    }

    /// <summary>Records a new question (no <paramref name="questionId"/>) or changes one, from the version the clerk loaded.</summary>
    public async Task<SaveResult> SaveAsync(int meetingId, int? questionId, int loadedVersion, QuestionInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can record questions");
        var errors = _validator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return SaveResult.Missing();
        if (questionId is null)
        {
            var question = MeetingQuestion.Record(meeting, input.ToValues());
            db.MeetingQuestions.Add(question);
            return await db.SaveNewAsync(() => SaveResult.Saved(question.Id, question.Version), ct);
        }
        var existing = await db.MeetingQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.MeetingId == meetingId, ct);
        if (existing is null) return SaveResult.Missing();
        return await db.SaveVersionedAsync(existing, loadedVersion, () => Values(existing), () =>
        {
            existing.Change(input.ToValues());
            return null;
        }, ct);
    }

    /// <summary>
    /// Deletes a question recorded in error, from the version the clerk saw. The audit keeps what it
    /// said; everyone viewing the meeting sees it go.
    /// </summary>
    public async Task<SaveResult> DeleteAsync(int meetingId, int questionId, int loadedVersion, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden("Only the clerk (an administrator) can delete questions");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var question = await db.MeetingQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.MeetingId == meetingId, ct);
        if (question is null) return SaveResult.Missing();
        return await db.SaveVersionedAsync(question, loadedVersion, () => Values(question), () =>
        {
            db.MeetingQuestions.Remove(question);
            return null;
        }, ct);
    }

    static QuestionRow Row(MeetingQuestion q, QuestionDeadlines deadlines) =>
        new(q.Id, q.Version, q.AskedBy, q.From, q.Text, q.ReceivedOn, q.ReceivedTime, q.OnAgendaReport, q.AgendaReport, q.Answer, q.Status, q.IsLate(deadlines));

    static IReadOnlyList<ConflictValue> Values(MeetingQuestion q) =>
    [
        new(nameof(QuestionInput.AskedBy), "Asked by", q.AskedBy),
        new(nameof(QuestionInput.Text), "Question", q.Text),
        new(nameof(QuestionInput.ReceivedOn), "Date received", UkDates.Short(q.ReceivedOn)),
        new(nameof(QuestionInput.ReceivedTime), "Time received", q.ReceivedTime.ToString("HH:mm", UkDates.Culture)),
        new(nameof(QuestionInput.AgendaReport), "Report on the agenda", q.AgendaReport),
        new(nameof(QuestionInput.Answer), "Answer", q.Answer),
        new(nameof(QuestionInput.Status), "Status", q.Status.Text()),
    ];
}
