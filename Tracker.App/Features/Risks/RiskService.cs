using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Common;
using Tracker.Domain.People;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>
/// The risk register: read by everyone; changed by leads for the groups they lead, and by the chair
/// and administrators for every group. Every write validates, authorises, then saves with the version
/// the user loaded.
/// </summary>
public sealed class RiskService(TrackerDbContext db, ICurrentUser user, TimeProvider clock, StrategicGroupCalendar calendar,
    RiskDataCache? cache = null)
{
    HashSet<int>? _ledGroups;

    /// <summary>
    /// The register's data for reading, from the app-wide cache when there is one (there is in the
    /// app; a service built by hand in a test reads the database). Writes and edit forms read the
    /// database itself.
    /// </summary>
    Task<RiskData> DataAsync(CancellationToken ct) => cache is null ? LoadDataAsync(ct) : cache.GetAsync(LoadDataAsync, ct);

    async Task<RiskData> LoadDataAsync(CancellationToken ct)
    {
        var settings = await GetSettingsAsync(ct);
        var categories = await GetCategoriesAsync(ct);
        var risks = await db.Risks.AsNoTracking().Include(r => r.FurtherActions).Include(r => r.Assessments).AsSplitQuery().ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Kind).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var reviewDates = await db.RiskReviews.AsNoTracking().Select(r => r.ReviewedOn).Distinct().ToListAsync(ct);
        return new RiskData(settings, categories, risks, groups.ToDictionary(g => g.Id, g => g.Name),
            groups.Select(g => (g.Id, g.Name)).ToList(), reviewDates);
    }

    public DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    public async Task<RiskSettings> GetSettingsAsync(CancellationToken ct = default) =>
        await db.RiskSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RiskSettings.SingletonId, ct) ?? new RiskSettings();

    public async Task<IReadOnlyList<RiskCategory>> GetCategoriesAsync(CancellationToken ct = default)
    {
        var categories = await db.RiskCategories.AsNoTracking().ToListAsync(ct);
        return categories.OrderBy(c => RiskCategory.Codes.ToList().IndexOf(c.Code)).ToList();
    }

    /// <summary>
    /// "Since the last meeting" (DOMAIN.md): the date of the most recent Strategic Group meeting before
    /// today; when none is in the tracker, the latest review the chair recorded before today, or three
    /// months ago when none has been recorded either.
    /// </summary>
    public async Task<DateOnly> GetDefaultSinceAsync(CancellationToken ct = default) => (await GetComparisonAsync(null, ct)).Date;

    /// <summary>What direction of travel is measured against: the date asked for (<c>?since=</c>) or the default, and what that date is.</summary>
    public async Task<RiskComparison> GetComparisonAsync(DateOnly? requested, CancellationToken ct = default)
    {
        if (requested is { } chosen)
        {
            var on = await calendar.OnAsync(chosen, ct);
            return new RiskComparison(chosen, on is null ? $"{UkDates.Long(chosen)}, the date chosen" : $"the {on.Group} meeting on {UkDates.Long(on.Date)}, the date chosen",
                IsDefault: false, on?.Id);
        }
        var today = Today;
        if (await calendar.LastBeforeAsync(today, ct) is { } meeting)
            return new RiskComparison(meeting.Date, $"the last {meeting.Group} meeting, on {UkDates.Long(meeting.Date)}", IsDefault: true, meeting.Id);
        var dates = (await DataAsync(ct)).ReviewDates.Where(d => d < today).ToList();
        return dates.Count > 0
            ? new RiskComparison(dates.Max(), $"the last review recorded by the chair on {UkDates.Long(dates.Max())}, as no Strategic Group meeting is in the tracker", IsDefault: true, null)
            : new RiskComparison(today.AddMonths(-3), $"{UkDates.Long(today.AddMonths(-3))}, three months ago, as no Strategic Group meeting or review is in the tracker", IsDefault: true, null);
    }

    async Task<HashSet<int>> LedGroupIdsAsync(CancellationToken ct)
    {
        if (!user.IsInRole(TrackerRoles.Lead) || user.PersonId is not { } personId) return [];
        // Once per request: the register asks for every row and again for "Add a risk".
        return _ledGroups ??= (await db.GroupMembers.AsNoTracking().Where(m => m.PersonId == personId && m.IsLead).Select(m => m.GroupId).ToListAsync(ct)).ToHashSet();
    }

    async Task<Func<int, bool>> EditPermissionAsync(CancellationToken ct)
    {
        if (user.CanEditEverything()) return _ => true;
        var led = await LedGroupIdsAsync(ct);
        return led.Contains;
    }

    public async Task<bool> CanCreateAsync(CancellationToken ct = default) =>
        user.CanEditEverything() || (await LedGroupIdsAsync(ct)).Count > 0;

    public bool CanImport => user.IsAdministrator();
    public bool CanRecordReview => user.CanEditEverything();
    public bool CanChangeSettings => user.IsAdministrator();

    /// <summary>Groups the user may make a risk owner: all for the chair and administrators, their own for leads.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> GroupOptionsAsync(bool onlyEditable, CancellationToken ct = default)
    {
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Kind).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var can = onlyEditable ? await EditPermissionAsync(ct) : _ => true;
        return groups.Where(g => can(g.Id)).Select(g => (g.Id, g.Name)).ToList();
    }

    async Task<IReadOnlyList<(int Id, string Name)>> AllGroupOptionsAsync(CancellationToken ct) => (await DataAsync(ct)).GroupOptions;

    async Task<List<RiskRow>> LoadRowsAsync(DateOnly since, RiskSettings settings, IReadOnlyList<RiskCategory> categories, int? onlyId, CancellationToken ct)
    {
        var data = await DataAsync(ct);
        var risks = onlyId is { } id ? data.Risks.Where(r => r.Id == id) : data.Risks;
        var groups = data.GroupNames;
        var can = await EditPermissionAsync(ct);
        var appetite = categories.ToDictionary(c => c.Code, c => c.Appetite);
        var today = Today;
        return risks.Select(r =>
        {
            var max = settings.ToleranceFor(r.CategoryCodes, appetite);
            return new RiskRow(r.Id, r.Reference, r.Title, r.Cause, r.Impact, r.Categories, r.OwnerGroupId,
                groups.GetValueOrDefault(r.OwnerGroupId, ""), r.Gross, r.Controls, r.Net, r.Target, r.ReviewFrequencyMonths,
                r.NextReviewDate, r.Status, r.ClosingNote, r.IsReviewOverdue(today),
                r.Status == RiskStatus.Open && r.Current.Score > max, max,
                DirectionOfTravel.Since(r.Assessments, since),
                r.FurtherActions.OrderBy(a => a.Order).Select(a => new FurtherActionRow(a.Id, a.Version, a.Description, a.Owner, a.Rag, a.TargetDate)).ToList(),
                can(r.OwnerGroupId));
        }).ToList();
    }

    public async Task<RiskRegister> GetRegisterAsync(RiskFilter filter, CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        var (settings, categories) = (data.Settings, data.Categories);
        var comparison = await GetComparisonAsync(filter.Since, ct);
        var since = comparison.Date;
        var rows = await LoadRowsAsync(since, settings, categories, null, ct);
        var band = RiskBands.FromSlug(filter.Band);

        IEnumerable<RiskRow> result = rows;
        result = (filter.Status ?? "open").ToLowerInvariant() switch
        {
            "closed" => result.Where(r => r.Status == RiskStatus.Closed),
            "all" => result,
            _ => result.Where(r => r.Status == RiskStatus.Open),
        };
        if (filter.Group is { } group) result = result.Where(r => r.GroupId == group);
        if (!string.IsNullOrEmpty(filter.Category))
            result = result.Where(r => Risk.SplitCategories(r.Categories).Contains(filter.Category.ToUpperInvariant()));
        if (band is { } b) result = result.Where(r => r.ScoreOf(filter.Scores) is { } s && settings.BandOf(s.Score) == b);
        if (filter.Likelihood is { } l) result = result.Where(r => r.ScoreOf(filter.Scores)?.Likelihood == l);
        if (filter.Severity is { } sev) result = result.Where(r => r.ScoreOf(filter.Scores)?.Severity == sev);
        if (filter.Overdue) result = result.Where(r => r.ReviewOverdue);
        if (filter.AboveAppetite) result = result.Where(r => r.AboveAppetite);

        result = (filter.Sort ?? "net").ToLowerInvariant() switch
        {
            "gross" => result.OrderByDescending(r => r.Gross.Score).ThenBy(r => r.Reference, ReferenceOrder.Instance),
            "target" => result.OrderByDescending(r => r.Target?.Score ?? -1).ThenBy(r => r.Reference, ReferenceOrder.Instance),
            "reference" => result.OrderBy(r => r.Reference, ReferenceOrder.Instance),
            "review" => result.OrderBy(r => r.NextReviewDate ?? DateOnly.MaxValue).ThenBy(r => r.Reference, ReferenceOrder.Instance),
            "group" => result.OrderBy(r => r.GroupName).ThenBy(r => r.Reference, ReferenceOrder.Instance),
            "direction" => result.OrderBy(r => r.Direction switch { Direction.Worse => 0, Direction.New => 1, Direction.Unchanged => 2, _ => 3 })
                .ThenByDescending(r => r.Current.Score),
            // Net score, highest first; a risk not yet assessed net sorts by its gross score, as it stands uncontrolled.
            _ => result.OrderByDescending(r => r.Current.Score).ThenByDescending(r => r.Gross.Score).ThenBy(r => r.Reference, ReferenceOrder.Instance),
        };

        var groups = await AllGroupOptionsAsync(ct);
        return new RiskRegister(result.ToList(), filter, since, settings, categories, groups, await CanCreateAsync(ct)) { Comparison = comparison };
    }

    /// <summary>Open risks counted by cell for the gross, net or target assessment.</summary>
    public async Task<HeatMapData> GetHeatMapAsync(ScoreKind kind, CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        var settings = data.Settings;
        var risks = data.Risks.Where(r => r.Status == RiskStatus.Open).ToList();
        var scores = risks.Select(r => kind switch
        {
            ScoreKind.Gross => new RiskScore(r.GrossLikelihood, r.GrossSeverity),
            ScoreKind.Net => RiskScore.From(r.NetLikelihood, r.NetSeverity),
            _ => RiskScore.From(r.TargetLikelihood, r.TargetSeverity),
        }).ToList();
        var counts = scores.Where(s => s is not null).GroupBy(s => (s!.Value.Likelihood, s.Value.Severity)).ToDictionary(g => g.Key, g => g.Count());
        return new HeatMapData(kind, settings, counts, scores.Count(s => s is null));
    }

    public async Task<RiskDetail?> GetDetailAsync(int id, DateOnly? since = null, CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        var (settings, categories) = (data.Settings, data.Categories);
        var from = since ?? await GetDefaultSinceAsync(ct);
        var row = (await LoadRowsAsync(from, settings, categories, id, ct)).SingleOrDefault();
        if (row is null) return null;
        var history = await db.RiskAssessments.AsNoTracking().Where(a => a.RiskId == id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
            .ToListAsync(ct);
        var reviews = await db.RiskReviews.AsNoTracking().Where(r => r.RiskId == id).OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id)
            .Select(r => new ReviewRow(r.ReviewedOn, r.ReviewedBy, r.Note, r.AgreedChanges)).ToListAsync(ct);
        return new RiskDetail(row, history.Select(a => new AssessmentRow(a.AssessedOn, a.AssessedBy, a.Gross, a.Net, a.Target, a.Note)).ToList(),
            reviews, settings, from);
    }

    public async Task<RiskForEdit?> GetForEditAsync(int id, CancellationToken ct = default)
    {
        var r = await db.Risks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return r is null ? null : new RiskForEdit(r.Id, r.Version, ToInput(r));
    }

    static RiskInput ToInput(Risk r) => new(r.Reference, r.Title, r.Cause, r.Impact, r.CategoryCodes, r.OwnerGroupId,
        r.GrossLikelihood, r.GrossSeverity, r.Controls, r.NetLikelihood, r.NetSeverity, r.TargetLikelihood, r.TargetSeverity,
        r.ReviewFrequencyMonths, r.NextReviewDate is { } d ? UkDates.Short(d) : null, r.Status, r.ClosingNote);

    public async Task<string?> NextReferenceAsync(CancellationToken ct = default)
    {
        var refs = await db.Risks.AsNoTracking().Select(r => r.Reference).ToListAsync(ct);
        var max = refs.Select(r => int.TryParse(new string(r.Where(char.IsDigit).ToArray()), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"R{max + 1}";
    }

    async Task<List<FieldError>> ValidateAsync(RiskInput input, int? id, CancellationToken ct)
    {
        var settings = await GetSettingsAsync(ct);
        var errors = new RiskInputValidator(settings.MatrixSize).Check(input).ToList();
        var reference = input.Reference?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(reference) && await db.Risks.AnyAsync(r => r.Reference == reference && r.Id != id, ct))
            errors.Add(new FieldError(nameof(RiskInput.Reference), $"Reference {reference} is already used by another risk"));
        if (input.OwnerGroupId is { } g && !await db.Groups.AnyAsync(x => x.Id == g, ct))
            errors.Add(new FieldError(nameof(RiskInput.OwnerGroupId), "Select the group that owns the risk"));
        return errors;
    }

    public async Task<SaveResult> CreateAsync(RiskInput input, CancellationToken ct = default)
    {
        if (!await CanCreateAsync(ct)) return SaveResult.Forbidden("You do not have permission to add risks");
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var can = await EditPermissionAsync(ct);
        if (!can(input.OwnerGroupId!.Value))
            return SaveResult.Forbidden("You can only add risks owned by a group you lead");
        var risk = Risk.Create(input, user.DisplayName, Today);
        db.Risks.Add(risk);
        // The check above can race another save of the same reference: the unique index decides.
        return await db.SaveNewAsync(() => SaveResult.Saved(risk.Id, risk.Version), ct, ReferenceUsed(risk.Reference));
    }

    public async Task<SaveResult> UpdateAsync(int id, int loadedVersion, RiskInput input, CancellationToken ct = default)
    {
        var risk = await db.Risks.Include(r => r.Assessments).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (risk is null) return SaveResult.Missing();
        var errors = await ValidateAsync(input, id, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var can = await EditPermissionAsync(ct);
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

    static IReadOnlyList<ConflictValue> Values(Risk r) =>
    [
        new(nameof(RiskInput.Title), "Risk", r.Title),
        new(nameof(RiskInput.Cause), "Cause", r.Cause),
        new(nameof(RiskInput.Impact), "Impact", r.Impact),
        new(nameof(RiskInput.Categories), "Categories", r.Categories),
        new(nameof(RiskInput.Controls), "Controls in place", r.Controls),
        new("Gross", "Gross risk", r.Gross.ToString()),
        new("Net", "Net risk", r.Net?.ToString() ?? "Not yet assessed"),
        new("Target", "Target risk", r.Target?.ToString() ?? "Not yet set"),
        new(nameof(RiskInput.NextReviewDate), "Next review date", r.NextReviewDate is { } d ? UkDates.Short(d) : null),
        new(nameof(RiskInput.Status), "Status", r.Status.ToString()),
    ];

    public async Task<FurtherActionForEdit?> GetActionForEditAsync(int riskId, int? actionId, CancellationToken ct = default)
    {
        var risk = await db.Risks.AsNoTracking().Where(r => r.Id == riskId).Select(r => new { r.Reference }).SingleOrDefaultAsync(ct);
        if (risk is null) return null;
        if (actionId is null) return new FurtherActionForEdit(riskId, risk.Reference, 0, new FurtherActionInput("", "", null, ""));
        var a = await db.FurtherActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actionId && a.RiskId == riskId, ct);
        return a is null ? null : new FurtherActionForEdit(riskId, risk.Reference, a.Version,
            new FurtherActionInput(a.Description, a.Owner, a.Rag, a.TargetDate is { } d ? UkDates.Short(d) : ""));
    }

    public async Task<SaveResult> SaveActionAsync(int riskId, int? actionId, int loadedVersion, FurtherActionInput input, CancellationToken ct = default)
    {
        var risk = await db.Risks.Include(r => r.FurtherActions).SingleOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is null) return SaveResult.Missing();
        var errors = new FurtherActionInputValidator().Check(input);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        if (!(await EditPermissionAsync(ct))(risk.OwnerGroupId))
            return SaveResult.Forbidden("You can only change risks owned by a group you lead");
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
        var risk = await db.Risks.Include(r => r.FurtherActions).SingleOrDefaultAsync(r => r.Id == riskId, ct);
        var action = risk?.FurtherActions.SingleOrDefault(a => a.Id == actionId);
        if (risk is null || action is null) return SaveResult.Missing();
        if (!(await EditPermissionAsync(ct))(risk.OwnerGroupId))
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
        var risk = await db.Risks.SingleOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is null) return SaveResult.Missing();
        // The review names its risk: a closed one is refused, never swapped for another.
        if (risk.Status != RiskStatus.Open) return SaveResult.Invalid("", $"{risk.Reference} is closed: reopen it before recording a review");
        // Reviews append, but each moves the risk's next review date: two at once are told of each other.
        return await db.SaveVersionedAsync(risk, risk.Version, () => Values(risk), () =>
        {
            risk.RecordReview(reviewedOn!.Value, note, agreedChanges, user.DisplayName);
            return null;
        }, ct);
    }

    public async Task<(RiskSettings Settings, IReadOnlyList<RiskCategory> Categories)> GetSettingsForEditAsync(CancellationToken ct = default) =>
        (await GetSettingsAsync(ct), await GetCategoriesAsync(ct));

    /// <summary>An administrator changes the matrix, the bands, the appetite levels and the category labels.</summary>
    public async Task<SaveResult> UpdateSettingsAsync(int loadedVersion, RiskSettingsInput input,
        IReadOnlyDictionary<string, (string Label, RiskAppetite Appetite)> categories, CancellationToken ct = default)
    {
        if (!CanChangeSettings) return SaveResult.Forbidden("Only administrators can change the risk matrix and appetite");
        var errors = new RiskSettingsInputValidator().Check(input).ToList();
        foreach (var (code, (label, appetite)) in categories)
        {
            if (!Enum.IsDefined(appetite)) errors.Add(new FieldError($"Appetite{code}", $"Select the risk appetite for category {code}"));
            if (string.IsNullOrWhiteSpace(label)) errors.Add(new FieldError($"Label{code}", $"Enter the label for category {code}"));
            else if (label.Length > 50) errors.Add(new FieldError($"Label{code}", $"Label for category {code} must be 50 characters or fewer"));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var settings = await db.RiskSettings.SingleAsync(s => s.Id == RiskSettings.SingletonId, ct);
        IReadOnlyList<ConflictValue> Current() =>
        [
            new(nameof(RiskSettingsInput.MatrixSize), "Matrix size", settings.MatrixSize.ToString()),
            new("Bands", "Bands", $"Low {settings.Range(RiskBand.Low)}, Medium {settings.Range(RiskBand.Medium)}, High {settings.Range(RiskBand.High)}, Very high {settings.Range(RiskBand.VeryHigh)}"),
        ];
        var allCategories = await db.RiskCategories.ToListAsync(ct);
        return await db.SaveVersionedAsync(settings, loadedVersion, Current, () =>
        {
            settings.Update(input);
            foreach (var category in allCategories)
            {
                if (!categories.TryGetValue(category.Code, out var change)) continue;
                category.Label = change.Label.Trim();
                category.Appetite = change.Appetite;
            }
            return null;
        }, ct);
    }

    public async Task<string> ExportCsvAsync(CancellationToken ct = default)
    {
        var data = await DataAsync(ct);
        var (settings, categories) = (data.Settings, data.Categories);
        var rows = await LoadRowsAsync(Today, settings, categories, null, ct);
        return RiskCsv.Write(rows.OrderBy(r => r.Reference, ReferenceOrder.Instance));
    }

    /// <summary>
    /// Imports the register's own CSV (administrators). Every row is checked by the same validators as
    /// the form; any error rejects the whole file and nothing is saved.
    /// </summary>
    const int ImportChunkSize = 200;

    public async Task<ImportResult> ImportCsvAsync(Stream stream, string fileName, long length, CancellationToken ct = default)
    {
        if (!CanImport) return ImportResult.Failed("Only administrators can import the risk register");
        var settings = await GetSettingsAsync(ct);
        var groups = await db.Groups.AsNoTracking().Select(g => new { g.Id, g.Name, g.ShortName }).ToListAsync(ct);
        var closingNotes = await db.Risks.AsNoTracking().Where(r => r.ClosingNote != null).ToDictionaryAsync(r => r.Reference, r => r.ClosingNote, ct);
        var parsed = await RiskCsv.ParseAsync(stream, fileName, length, settings.MatrixSize,
            name => groups.FirstOrDefault(g => string.Equals(g.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)
                                               || string.Equals(g.ShortName, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Id,
            reference => closingNotes.GetValueOrDefault(reference), ct);
        if (parsed.Errors.Count > 0) return new ImportResult(parsed.Errors, 0, 0) { ErrorCount = parsed.ErrorCount };

        // All or nothing, in one transaction; saved a chunk at a time with the change tracker cleared
        // between chunks, so that a large file (and its audit rows) never sits in memory at once.
        int created = 0, updated = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in parsed.Rows.Chunk(ImportChunkSize))
        {
            var references = chunk.Select(r => r.Input.Reference.Trim().ToUpperInvariant()).ToList();
            var existing = await db.Risks.Include(r => r.FurtherActions).Include(r => r.Assessments).AsSplitQuery()
                .Where(r => references.Contains(r.Reference)).ToDictionaryAsync(r => r.Reference, ct);
            foreach (var row in chunk)
            {
                var reference = row.Input.Reference.Trim().ToUpperInvariant();
                if (existing.TryGetValue(reference, out var risk))
                {
                    // Only a row that changes something counts, moves the risk's version and is audited.
                    var before = RiskCsv.Signature(risk);
                    // The CSV has no review-frequency column: keep what the register holds.
                    risk.Update(row.Input with { ReviewFrequencyMonths = risk.ReviewFrequencyMonths }, user.DisplayName, Today);
                    risk.ReplaceFurtherActions(row.Actions);
                    if (RiskCsv.Signature(risk) == before) continue;
                    db.Entry(risk).State = EntityState.Modified;
                    updated++;
                }
                else
                {
                    risk = Risk.Create(row.Input, user.DisplayName, Today);
                    risk.ReplaceFurtherActions(row.Actions);
                    db.Risks.Add(risk);
                    created++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return new ImportResult([], created, updated);
    }

    /// <summary>Open risks by band, above appetite and overdue, for the dashboard.</summary>
    public async Task<(IReadOnlyDictionary<RiskBand, int> ByBand, int AboveAppetite, int Overdue, int NotAssessed, int Total)> GetSummaryAsync(CancellationToken ct = default)
    {
        var register = await GetRegisterAsync(new RiskFilter(), ct);
        var byBand = Enum.GetValues<RiskBand>().ToDictionary(b => b, b => register.Rows.Count(r => r.Net is { } n && register.Settings.BandOf(n.Score) == b));
        return (byBand, register.Rows.Count(r => r.AboveAppetite), register.Rows.Count(r => r.ReviewOverdue),
            register.Rows.Count(r => r.Net is null), register.Rows.Count);
    }
}

/// <summary>Orders references naturally: R2 before R10.</summary>
public sealed class ReferenceOrder : IComparer<string>
{
    public static readonly ReferenceOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        static (string, int) Split(string? s)
        {
            s ??= "";
            var letters = new string(s.TakeWhile(c => !char.IsDigit(c)).ToArray());
            return (letters, int.TryParse(s[letters.Length..], out var n) ? n : 0);
        }
        var (lx, nx) = Split(x);
        var (ly, ny) = Split(y);
        var c = string.CompareOrdinal(lx, ly);
        return c != 0 ? c : nx.CompareTo(ny);
    }
}
