using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>
/// Changes to risks: add, change or reassess a risk, its further actions, and the Strategic Group's
/// review. Leads change the risks of the groups they lead; the chair and administrators every risk.
/// Every write authorises, validates, then saves with the version the user loaded, in a context of
/// its own.
/// </summary>
public sealed class RiskService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user, TimeProvider clock)
{
    readonly RiskPermissions _permissions = new(dbs, user);

    public DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));
    public RiskPermissions Permissions => _permissions;
    public bool CanRecordReview => _permissions.CanRecordReview;

    public async Task<RiskForEdit?> GetForEditAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var r = await db.Risks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return r is null ? null : new RiskForEdit(r.Id, r.Version, ToInput(r));
    }

    static RiskInput ToInput(Risk r) => new(r.Reference, r.Title, r.Cause, r.Impact, r.CategoryCodes, r.OwnerGroupId,
        r.GrossLikelihood, r.GrossSeverity, r.Controls, r.NetLikelihood, r.NetSeverity, r.TargetLikelihood, r.TargetSeverity,
        r.ReviewFrequencyMonths, r.NextReviewDate is { } d ? UkDates.Short(d) : null, r.Status, r.ClosingNote);

    public async Task<string> NextReferenceAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var refs = await db.Risks.AsNoTracking().Select(r => r.Reference).ToListAsync(ct);
        var max = refs.Select(r => int.TryParse(new string(r.Where(char.IsDigit).ToArray()), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"R{max + 1}";
    }

    /// <summary>Groups the user may make a risk owner: all for the chair and administrators, their own for leads.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> GroupOptionsAsync(bool onlyEditable, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Kind).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var can = onlyEditable ? await _permissions.EditPermissionAsync(ct) : _ => true;
        return groups.Where(g => can(g.Id)).Select(g => (g.Id, g.Name)).ToList();
    }

    async Task<List<FieldError>> ValidateAsync(TrackerDbContext db, RiskInput input, int? id, CancellationToken ct)
    {
        var settings = await db.RiskSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RiskSettings.SingletonId, ct) ?? new RiskSettings();
        var errors = RiskInputValidator.For(settings.MatrixSize).Check(input).ToList();
        var reference = input.Reference?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(reference) && await db.Risks.AnyAsync(r => r.Reference == reference && r.Id != id, ct))
            errors.Add(new FieldError(nameof(RiskInput.Reference), $"Reference {reference} is already used by another risk"));
        if (input.OwnerGroupId is { } g && !await db.Groups.AnyAsync(x => x.Id == g, ct))
            errors.Add(new FieldError(nameof(RiskInput.OwnerGroupId), "Select the group that owns the risk"));
        return errors;
    }

    public async Task<SaveResult> CreateAsync(RiskInput input, CancellationToken ct = default)
    {
        var access = await _permissions.AccessAsync(ct);
        if (!access.CanCreate) return SaveResult.Forbidden("You do not have permission to add risks");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var errors = await ValidateAsync(db, input, null, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!access.CanEdit(input.OwnerGroupId!.Value))
            return SaveResult.Forbidden("You can only add risks owned by a group you lead");
        var risk = Risk.Create(input, user.DisplayName, Today);
        db.Risks.Add(risk);
        // The check above can race another save of the same reference: the unique index decides.
        return await db.SaveNewAsync(() => SaveResult.Saved(risk.Id, risk.Version), ct, ReferenceUsed(risk.Reference));
    }

    public async Task<SaveResult> UpdateAsync(int id, int loadedVersion, RiskInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var risk = await db.Risks.Include(r => r.Assessments).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (risk is null) return SaveResult.Missing();
        var errors = await ValidateAsync(db, input, id, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var can = await _permissions.EditPermissionAsync(ct);
        if (!can(risk.OwnerGroupId))
            return SaveResult.Forbidden("You can only change risks owned by a group you lead");
        if (!can(input.OwnerGroupId!.Value))
            return SaveResult.Forbidden("You can only give a risk to a group you lead");
        return await db.SaveVersionedAsync(risk, loadedVersion, () => Values(risk), () =>
        {
            risk.Update(input, user.DisplayName, Today);
            return null;
        }, ct, ReferenceUsed(input.Reference.Trim().ToUpperInvariant()));
    }

    static UniqueRule ReferenceUsed(string reference) =>
        new("Risks.Reference", nameof(RiskInput.Reference), $"Reference {reference} is already used by another risk");

    /// <summary>The risk's values as the conflict panel compares them, by the form's field names.</summary>
    public static IReadOnlyList<ConflictValue> Values(Risk r) =>
    [
        new(nameof(RiskInput.Title), "Risk", r.Title),
        new(nameof(RiskInput.Cause), "Cause", r.Cause),
        new(nameof(RiskInput.Impact), "Impact", r.Impact),
        new(nameof(RiskInput.Categories), "Risk categories", r.Categories),
        new(nameof(RiskInput.Controls), "Controls in place", r.Controls),
        new("Gross", "Gross risk", r.Gross.ToString()),
        new("Net", "Net risk", r.Net?.ToString() ?? "Not yet assessed"),
        new("Target", "Target risk", r.Target?.ToString() ?? "Not yet set"),
        new(nameof(RiskInput.NextReviewDate), "Next review date", r.NextReviewDate is { } d ? UkDates.Short(d) : null),
        new(nameof(RiskInput.Status), "Status", r.Status.ToString()),
        new(nameof(RiskInput.ClosingNote), "Closing note", r.ClosingNote),
    ];

    public async Task<FurtherActionForEdit?> GetActionForEditAsync(int riskId, int? actionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var risk = await db.Risks.AsNoTracking().Where(r => r.Id == riskId).Select(r => new { r.Reference }).SingleOrDefaultAsync(ct);
        if (risk is null) return null;
        if (actionId is null) return new FurtherActionForEdit(riskId, risk.Reference, 0, new FurtherActionInput("", "", null, ""));
        var a = await db.FurtherActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actionId && a.RiskId == riskId, ct);
        return a is null ? null : new FurtherActionForEdit(riskId, risk.Reference, a.Version,
            new FurtherActionInput(a.Description, a.Owner, a.Rag, a.TargetDate is { } d ? UkDates.Short(d) : ""));
    }

    public async Task<SaveResult> SaveActionAsync(int riskId, int? actionId, int loadedVersion, FurtherActionInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var risk = await db.Risks.Include(r => r.FurtherActions).SingleOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is null) return SaveResult.Missing();
        if (!(await _permissions.EditPermissionAsync(ct))(risk.OwnerGroupId))
            return SaveResult.Forbidden("You can only change risks owned by a group you lead");
        var errors = FurtherActionInputValidator.Shared.Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (actionId is null)
        {
            var added = risk.AddFurtherAction(input);
            return await db.SaveNewAsync(() => SaveResult.Saved(added.Id, added.Version), ct);
        }
        var action = risk.FurtherActions.SingleOrDefault(a => a.Id == actionId);
        if (action is null) return SaveResult.Missing();
        IReadOnlyList<ConflictValue> Current() =>
        [
            new(nameof(FurtherActionInput.Description), "Further action", action.Description),
            new(nameof(FurtherActionInput.Owner), "Owner", action.Owner),
            new(nameof(FurtherActionInput.Rag), "RAG status", action.Rag.Label()),
            new(nameof(FurtherActionInput.TargetDate), "Target completion date", action.TargetDate is { } d ? UkDates.Short(d) : null),
        ];
        return await db.SaveVersionedAsync(action, loadedVersion, Current, () =>
        {
            action.Update(input);
            return null;
        }, ct);
    }

    public async Task<SaveResult> DeleteActionAsync(int riskId, int actionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var risk = await db.Risks.Include(r => r.FurtherActions).SingleOrDefaultAsync(r => r.Id == riskId, ct);
        var action = risk?.FurtherActions.SingleOrDefault(a => a.Id == actionId);
        if (risk is null || action is null) return SaveResult.Missing();
        if (!(await _permissions.EditPermissionAsync(ct))(risk.OwnerGroupId))
            return SaveResult.Forbidden("You can only change risks owned by a group you lead");
        risk.RemoveFurtherAction(action);
        db.FurtherActions.Remove(action);
        return await db.SaveNewAsync(() => SaveResult.Saved(risk.Id, risk.Version), ct);
    }

    /// <summary>The chair records the meeting's review of a risk; the next review falls due a frequency later.</summary>
    public async Task<SaveResult> RecordReviewAsync(int riskId, string? date, string? note, string? agreedChanges, CancellationToken ct = default)
    {
        var typed = new TypedText();
        var reviewedOn = typed.Date(date, "ReviewedOn", "Date of the review", "29/02/2024");
        var errors = typed.Errors.ToList();
        if (string.IsNullOrWhiteSpace(date)) errors.Add(new("ReviewedOn", "Enter the date of the review"));
        if (string.IsNullOrWhiteSpace(note)) errors.Add(new("Note", "Enter what the meeting said about the risk"));
        else if (note.Length > 4000) errors.Add(new("Note", "Note must be 4000 characters or fewer"));
        else if (InputRules.HasControlCharacters(note, multiline: true)) errors.Add(new("Note", "Remove the control characters from the note"));
        if (agreedChanges?.Length > 4000) errors.Add(new("AgreedChanges", "Agreed changes must be 4000 characters or fewer"));
        else if (InputRules.HasControlCharacters(agreedChanges, multiline: true)) errors.Add(new("AgreedChanges", "Remove the control characters from the agreed changes"));
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!CanRecordReview) return SaveResult.Forbidden("Only the chair or an administrator can record the meeting's review");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var risk = await db.Risks.SingleOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is null) return SaveResult.Missing();
        // The review names its risk: a closed one is refused, never swapped for another.
        if (risk.Status != RiskStatus.Open) return SaveResult.Invalid("", $"{risk.Reference} is closed: reopen it before recording a review");
        var on = reviewedOn!.Value;
        // Reviews append, but each moves the risk's next review date: two at once are told of each other.
        return await db.SaveVersionedAsync(risk, risk.Version, () => Values(risk), () =>
        {
            risk.RecordReview(on, note, agreedChanges, user.DisplayName);
            return null;
        }, ct);
    }
}
