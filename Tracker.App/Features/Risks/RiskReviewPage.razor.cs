using Microsoft.AspNetCore.Components;
using MudBlazor;
using Tracker.App.Common;
using Tracker.App.Components.Shared;
using Tracker.App.Live;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>
/// The chair's review (<c>/risks/review?risk={id}</c>): one open risk at a time, in the register's
/// order, on a projector. The chair (or the clerk, as an administrator) leads: reassesses in place with
/// the live preview and records the meeting's review, then moves on. Everyone else can follow the
/// chair: their screen shows the risk the chair shows and every change as it is made.
/// </summary>
public partial class RiskReviewPage
{
    const string ReviewedOnField = "ReviewedOn", NoteField = "Note", AgreedChangesField = "AgreedChanges";

    [Inject] RiskRegisterQueries Register { get; set; } = default!;
    [Inject] RiskService Risks { get; set; } = default!;
    [Inject] RiskReviewSession Session { get; set; } = default!;
    [Inject] ChangeFeed Feed { get; set; } = default!;
    [Inject] ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "risk")] public int? RiskId { get; set; }
    [SupplyParameterFromQuery(Name = "since")] public string? Since { get; set; }
    [SupplyParameterFromQuery(Name = "follow")] public bool? FollowChair { get; set; }

    IReadOnlyList<RiskRow> _rows = [];
    int _index;
    RiskDetail? _current;
    HeatMapData? _heatMap;
    IReadOnlyList<RiskCategoryRow> _categories = [];
    (string Title, string Message)? _problem;
    bool _loaded, _busy, _following;
    string? _status;
    ReassessmentDraft? _draft;
    IDisposable? _draftFeed;

    // The chair's reassessment and review, kept while the risk stays on screen.
    RiskForm? _reassess;
    RiskInput? _reassessLoaded;
    int? _reassessFor;
    string? _reviewedOn, _note, _agreedChanges;
    readonly FormErrors _errors = new();

    bool Following => FollowChair == true;
    bool IsLeading => Risks.CanRecordReview && !Following;
    DateOnly? SinceDate => DateOnly.TryParseExact(Since, "yyyy-MM-dd", out var s) ? s : null;
    bool ScoresChanged => _reassess is not null && _reassessLoaded is not null && _reassess.DiffersFrom(_reassessLoaded);

    string Url(int id) => $"/risks/review?risk={id}{(SinceDate is { } s ? $"&since={s:yyyy-MM-dd}" : "")}";

    protected override async Task OnParametersSetAsync()
    {
        // A follower whose address names another risk than the chair's is moved to the chair's.
        if (Following && RendererInfo.IsInteractive && Session.Showing is { } showing && showing.RiskId != RiskId)
        {
            Navigation.NavigateTo($"/risks/review?risk={showing.RiskId}&follow=true", replace: true);
            return;
        }
        await LoadAsync();
        if (!_following)
        {
            _following = true;
            Follow(OnChangedAsync, "risks", RiskReviewSession.Topic);
        }
        FollowDrafts();
        if (IsLeading && RendererInfo.IsInteractive && _current is { } current)
            await Session.ShowAsync(current.Risk.Id, current.Risk.Reference, SinceDate, CurrentUser.DisplayName, CurrentUser.UserId);
    }

    async Task LoadAsync()
    {
        var register = await Register.GetReviewOrderAsync(SinceDate);
        _rows = register.Rows;
        _categories = register.Categories;
        _heatMap = await Register.GetHeatMapAsync(ScoreKind.Net);
        _problem = null;
        _current = null;
        _loaded = true;
        var id = RiskId ?? (Following ? Session.Showing?.RiskId : null) ?? _rows.FirstOrDefault()?.Id;
        if (id is null) return;
        _index = _rows.ToList().FindIndex(r => r.Id == id);
        if (_index < 0)
        {
            // The address names a risk that is not open: say so, never show another risk in its place.
            var risk = await Register.GetDetailAsync(id.Value);
            _problem = risk is null
                ? ("Risk not found", $"There is no risk number {id} in the register. It may have been deleted, or the address is wrong.")
                : ($"Risk {risk.Risk.Reference} is closed", $"{risk.Risk.Reference} ({risk.Risk.Title}) was closed, so it is not part of the review. Reopen it from the register to review it.");
            _index = 0;
            return;
        }
        _current = await Register.GetDetailAsync(id.Value, SinceDate);
        _draft = Session.Showing is { } s && s.RiskId == id ? s.Draft : null;
        if (IsLeading && _reassessFor != id) await LoadReassessmentAsync(id.Value);
    }

    async Task LoadReassessmentAsync(int id)
    {
        _reassessFor = id;
        _errors.Clear();
        var edit = await Risks.GetForEditAsync(id);
        _reassess = edit is null ? null : RiskForm.From(edit);
        _reassessLoaded = _reassess?.ToInput();
        _reviewedOn ??= UkDates.Short(Risks.Today);
        _note = _agreedChanges = null;
    }

    async Task OnChangedAsync(IReadOnlyList<ChangeEvent> changes)
    {
        if (Following && (changes.Count == 0 || changes.Any(c => c.Area == RiskReviewSession.Topic))
            && Session.Showing is { } showing && showing.RiskId != RiskId)
        {
            Navigation.NavigateTo($"/risks/review?risk={showing.RiskId}&follow=true");
            return;
        }
        await LoadAsync();
        // Someone saved this risk while the chair had not changed the scores: show the saved ones.
        if (IsLeading && _current is { } current && !ScoresChanged && changes.Any(c => c.Key == current.Risk.Id.ToString()))
        {
            var edit = await Risks.GetForEditAsync(current.Risk.Id);
            if (edit is not null && _reassess is not null)
            {
                var typed = (_note, _agreedChanges, _reviewedOn);
                _reassess = RiskForm.From(edit);
                _reassessLoaded = _reassess.ToInput();
                (_note, _agreedChanges, _reviewedOn) = typed;
            }
        }
    }

    // The scores the chair tries go to followers at once, without announcements (they change at every choice).
    void FollowDrafts()
    {
        if (!RendererInfo.IsInteractive || !Following || _draftFeed is not null) return;
        _draftFeed = Feed.Subscribe(RiskReviewSession.DraftTopic, change => _ = InvokeAsync(() =>
        {
            _draft = Session.Showing is { } s && s.RiskId == _current?.Risk.Id ? s.Draft : null;
            StateHasChanged();
        }));
    }

    async Task SetFollowingAsync(bool follow)
    {
        _draftFeed?.Dispose();
        _draftFeed = null;
        var risk = follow ? Session.Showing?.RiskId ?? RiskId : RiskId;
        Navigation.NavigateTo($"/risks/review?{(risk is { } id ? $"risk={id}&" : "")}{(follow ? "follow=true" : "")}".TrimEnd('&', '?'));
        await Task.CompletedTask;
    }

    async Task ScoreChangedAsync(Action change)
    {
        change();
        if (_current is null || _reassess is null) return;
        await Session.DraftAsync(_current.Risk.Id, ScoresChanged ? new ReassessmentDraft(_reassess.Gross, _reassess.Net, _reassess.Target) : null);
    }

    async Task<bool> SaveScoresCoreAsync()
    {
        if (_current is null || _reassess is null || !ScoresChanged) return true;
        var result = await Risks.UpdateAsync(_current.Risk.Id, _reassess.Version, _reassess.ToInput() with { AssessmentNote = _note });
        if (result.Succeeded)
        {
            _reassess.Version = result.Version;
            _reassessLoaded = _reassess.ToInput();
            await Session.DraftAsync(_current.Risk.Id, null);
            return true;
        }
        _errors.Show(result);
        if (result.Conflict is { } conflict)
        {
            // Someone saved the risk since it came on screen: show their scores, say so, keep the meeting's words.
            _errors.Set([new FieldError("", $"{conflict.ChangedBy} saved {_current.Risk.Reference} while it was on screen: their scores are shown now. Choose the meeting's scores again and save.")]);
            _reassessFor = null;
            var typed = (_note, _agreedChanges, _reviewedOn);
            await LoadReassessmentAsync(_current.Risk.Id);
            (_note, _agreedChanges, _reviewedOn) = typed;
        }
        return false;
    }

    async Task SaveScoresAsync()
    {
        _busy = true;
        if (await SaveScoresCoreAsync() && _current is not null)
        {
            _errors.Clear();
            _status = $"The new scores of {_current.Risk.Reference} have been saved.";
        }
        _busy = false;
    }

    async Task RecordAsync()
    {
        if (_current is null) return;
        _busy = true;
        var risk = _current.Risk;
        var next = _index < _rows.Count - 1 ? _rows[_index + 1] : null;
        if (!await SaveScoresCoreAsync())
        {
            _busy = false;
            return;
        }
        // The review is saved against the risk on screen, never another one shown in its place.
        var result = await Risks.RecordReviewAsync(risk.Id, _reviewedOn, _note, _agreedChanges);
        _busy = false;
        if (!result.Succeeded)
        {
            _errors.Show(result);
            return;
        }
        _errors.Clear();
        Snackbar.Add($"The review of {risk.Reference} has been recorded", MudBlazor.Severity.Success);
        if (next is null)
        {
            _status = $"The review of {risk.Reference} has been recorded. That was the last open risk.";
            _note = _agreedChanges = null;
            return;
        }
        _status = $"The review of {risk.Reference} has been recorded. Now showing {next.Reference}.";
        Navigation.NavigateTo(Url(next.Id));
    }

    RenderFragment ScoreSelect(string field, string label, bool likelihood, int? value, Action<int?> set, string empty) => __builder =>
    {
        var size = _current?.Settings.MatrixSize ?? 5;
        var error = ScoreError(field);
        __builder.OpenComponent<MudSelect<int?>>(0);
        __builder.AddComponentParameter(1, nameof(MudSelect<int?>.Value), value);
        __builder.AddComponentParameter(2, nameof(MudSelect<int?>.ValueChanged),
            EventCallback.Factory.Create<int?>(this, v => ScoreChangedAsync(() => set(v))));
        __builder.AddComponentParameter(3, nameof(MudSelect<int?>.Label), label);
        __builder.AddComponentParameter(4, nameof(MudSelect<int?>.InputId), field);
        __builder.AddComponentParameter(5, nameof(MudSelect<int?>.Variant), Variant.Outlined);
        __builder.AddComponentParameter(6, nameof(MudSelect<int?>.Margin), Margin.Dense);
        __builder.AddComponentParameter(7, nameof(MudSelect<int?>.Error), error is not null);
        __builder.AddComponentParameter(8, nameof(MudSelect<int?>.ErrorText), error);
        __builder.AddComponentParameter(9, nameof(MudSelect<int?>.ChildContent), (RenderFragment)(items =>
        {
            items.OpenComponent<MudSelectItem<int?>>(0);
            items.AddComponentParameter(1, nameof(MudSelectItem<int?>.Value), (int?)null);
            items.AddComponentParameter(2, nameof(MudSelectItem<int?>.ChildContent), (RenderFragment)(t => t.AddContent(0, empty)));
            items.CloseComponent();
            foreach (var (n, text) in likelihood ? ScoreOptions.Likelihood(size) : ScoreOptions.Severity(size))
            {
                items.OpenComponent<MudSelectItem<int?>>(3);
                items.SetKey(n);
                items.AddComponentParameter(4, nameof(MudSelectItem<int?>.Value), (int?)n);
                items.AddComponentParameter(5, nameof(MudSelectItem<int?>.ChildContent), (RenderFragment)(t => t.AddContent(0, text)));
                items.CloseComponent();
            }
        }));
        __builder.CloseComponent();
    };

    // Net above gross and target above net are refused as they are chosen.
    string? ScoreError(string field) =>
        _errors.For(field) ?? (_reassess is null ? null : RiskInputValidator.For(_current?.Settings.MatrixSize ?? 5).Check(_reassess.ToInput())
            .FirstOrDefault(e => e.Field == field && e.Message.Contains("cannot be higher", StringComparison.Ordinal))?.Message);

    public override void Dispose()
    {
        _draftFeed?.Dispose();
        base.Dispose();
    }
}
