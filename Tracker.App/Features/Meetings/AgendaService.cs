using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.App.Features.Meetings;

/// <summary>A meeting's agenda: read by all, written by the clerk.</summary>
public sealed class AgendaService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user)
{
    const string NotClerk = "Only the clerk (an administrator) can change the agenda";
    static readonly AgendaItemInputValidator _validator = new();

    public async Task<IReadOnlyList<AgendaItemEditRow>> AgendaForEditAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Order)
            .Select(a => new AgendaItemEditRow(a.Id, a.Version, a.Order, a.Number, a.Title, a.Presenter, a.PaperLink, a.Kind))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Adds an item. Without a number it goes before any other business and the date of the next
    /// meeting, and the agenda is renumbered; with one it goes last as numbered.
    /// </summary>
    public async Task<SaveResult> AddAgendaItemAsync(int meetingId, AgendaItemInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(NotClerk);
        var numbered = !string.IsNullOrWhiteSpace(input.Number);
        // An unnumbered item takes its number from its place, so the number rule does not apply to it.
        var errors = _validator.Check(numbered ? input : input with { Number = "1" });
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return SaveResult.Missing();
        var item = numbered
            ? meeting.AddAgendaItem(input.Number!, input.Title!, input.Presenter, input.PaperLink, input.Kind!.Value)
            : meeting.InsertAgendaItem(input.Title!, input.Presenter, input.PaperLink, input.Kind!.Value);
        db.AgendaItems.Add(item);
        return await db.SaveNewAsync(() => SaveResult.Saved(item.Id, item.Version), ct);
    }

    /// <summary>Moves an item to a position (0 first), as a drag drops it, from the version the clerk saw; the agenda is renumbered.</summary>
    public async Task<SaveResult> MoveAgendaItemToAsync(int meetingId, int itemId, int loadedVersion, int position, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(NotClerk);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var item = meeting?.Agenda.SingleOrDefault(a => a.Id == itemId);
        if (meeting is null || item is null) return SaveResult.Missing();
        if (position < 0 || position >= meeting.Agenda.Count) return SaveResult.Invalid("", "That is not a place on the agenda");
        return await db.SaveVersionedAsync(item, loadedVersion, () => Values(item), () =>
            meeting.MoveAgendaItemTo(item, position) ? null : SaveResult.Invalid("", $"Item {item.Number} is already there"), ct);
    }

    public async Task<SaveResult> UpdateAgendaItemAsync(int meetingId, int itemId, int loadedVersion, AgendaItemInput input, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(NotClerk);
        var errors = _validator.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == itemId && a.MeetingId == meetingId, ct);
        if (item is null) return SaveResult.Missing();
        return await db.SaveVersionedAsync(item, loadedVersion, () => Values(item), () =>
        {
            item.Change(input.Number!, input.Title!, input.Presenter, input.PaperLink, input.Kind!.Value);
            return null;
        }, ct);
    }

    /// <summary>Moves an item up (by -1) or down (by 1), or removes it (by null), from the version the clerk saw.</summary>
    public async Task<SaveResult> ReorderAgendaItemAsync(int meetingId, int itemId, int loadedVersion, int? by, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return SaveResult.Forbidden(NotClerk);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var item = meeting?.Agenda.SingleOrDefault(a => a.Id == itemId);
        if (meeting is null || item is null) return SaveResult.Missing();
        var result = await db.SaveVersionedAsync(item, loadedVersion, () => Values(item), () =>
        {
            if (by is null)
            {
                meeting.RemoveAgendaItem(item);
                db.AgendaItems.Remove(item);
            }
            else if (!meeting.MoveAgendaItem(item, by.Value))
            {
                return SaveResult.Invalid("", $"Item {item.Number} is already {(by < 0 ? "first" : "last")} on the agenda");
            }
            return null;
        }, ct);
        return result.Succeeded ? SaveResult.Saved(meeting.Id, meeting.Version) : result;
    }

    static IReadOnlyList<ConflictValue> Values(AgendaItem a) =>
    [
        new(nameof(AgendaItemInput.Number), "Item number", a.Number),
        new(nameof(AgendaItemInput.Title), "Title", a.Title),
        new(nameof(AgendaItemInput.Presenter), "Presenter", a.Presenter),
        new(nameof(AgendaItemInput.PaperLink), "Link to the paper", a.PaperLink),
        new(nameof(AgendaItemInput.Kind), "Kind", a.Kind == AgendaItemKind.Presentation ? "Presentation and discussion" : "Business"),
    ];
}
