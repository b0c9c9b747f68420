using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>The risk matrix, its bands, the appetite levels and the category labels, changed by administrators.</summary>
public sealed class RiskSettingsService(IDbContextFactory<TrackerDbContext> dbs, ICurrentUser user)
{
    static readonly RiskSettingsInputValidator _validator = new();

    public bool CanChangeSettings => user.IsAdministrator();

    public async Task<(RiskSettings Settings, IReadOnlyList<RiskCategoryRow> Categories)> GetSettingsForEditAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var settings = await db.RiskSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RiskSettings.SingletonId, ct) ?? new RiskSettings();
        var categories = (await db.RiskCategories.AsNoTracking().ToListAsync(ct))
            .OrderBy(c => RiskCategory.Codes.ToList().IndexOf(c.Code)).Select(c => new RiskCategoryRow(c.Code, c.Label, c.Appetite)).ToList();
        return (settings, categories);
    }

    /// <summary>An administrator changes the matrix, the bands, the appetite levels and the category labels.</summary>
    public async Task<SaveResult> UpdateSettingsAsync(int loadedVersion, RiskSettingsInput input,
        IReadOnlyDictionary<string, (string Label, RiskAppetite Appetite)> categories, CancellationToken ct = default)
    {
        if (!CanChangeSettings) return SaveResult.Forbidden("Only administrators can change the risk matrix and appetite");
        var errors = _validator.Check(input).ToList();
        foreach (var (code, (label, appetite)) in categories)
        {
            if (!Enum.IsDefined(appetite)) errors.Add(new FieldError($"Appetite{code}", $"Select the risk appetite for category {code}"));
            if (string.IsNullOrWhiteSpace(label)) errors.Add(new FieldError($"Label{code}", $"Enter the label for category {code}"));
            else if (label.Length > 50) errors.Add(new FieldError($"Label{code}", $"Label for category {code} must be 50 characters or fewer"));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var settings = await db.RiskSettings.SingleAsync(s => s.Id == RiskSettings.SingletonId, ct);
        IReadOnlyList<ConflictValue> Current() =>
        [
            new(nameof(RiskSettingsInput.MatrixSize), "Matrix size", settings.MatrixSize.ToString()),
            new(nameof(RiskSettingsInput.LowMax), "Highest Low score", settings.LowMax.ToString()),
            new(nameof(RiskSettingsInput.MediumMax), "Highest Medium score", settings.MediumMax.ToString()),
            new(nameof(RiskSettingsInput.HighMax), "Highest High score", settings.HighMax.ToString()),
            new(nameof(RiskSettingsInput.AverseMax), "Averse", settings.AverseMax.ToString()),
            new(nameof(RiskSettingsInput.MinimalMax), "Minimal", settings.MinimalMax.ToString()),
            new(nameof(RiskSettingsInput.CautiousMax), "Cautious", settings.CautiousMax.ToString()),
            new(nameof(RiskSettingsInput.OpenMax), "Open", settings.OpenMax.ToString()),
            new(nameof(RiskSettingsInput.EagerMax), "Eager", settings.EagerMax.ToString()),
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
}
