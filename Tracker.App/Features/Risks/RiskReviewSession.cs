using Tracker.App.Live;
using Tracker.Domain.Risks;

namespace Tracker.App.Features.Risks;

/// <summary>What the chair is showing in the review: the risk, the comparison date, and the scores being proposed.</summary>
/// <param name="Draft">The gross, net and target the chair has chosen but not yet saved, if any.</param>
public sealed record ChairShowing(int RiskId, string Reference, DateOnly? Since, string ChairName, string? ChairUserId, int Version,
    ReassessmentDraft? Draft = null);

/// <summary>Scores the chair is trying out in the review before saving them.</summary>
public sealed record ReassessmentDraft(RiskScore? Gross, RiskScore? Net, RiskScore? Target);

/// <summary>
/// The one "what the chair is showing" of the meeting's review, for everyone following the chair.
/// Moves are published through the change feed as topic <see cref="Topic"/> (announced politely to
/// followers: "The chair's review moved to R4"); the scores the chair tries before saving go out on
/// <see cref="DraftTopic"/>, which is followed without announcements, since they change at every choice.
/// Held in memory: after a restart the chair's screen publishes again on its next move.
/// </summary>
public sealed class RiskReviewSession(ChangeFeed feed, TimeProvider clock)
{
    public const string Topic = "risk-review";
    public const string DraftTopic = "risk-review-draft";

    readonly Lock _lock = new();
    ChairShowing? _showing;
    int _version;

    public ChairShowing? Showing
    {
        get { lock (_lock) return _showing; }
    }

    /// <summary>The chair's screen now shows this risk; followers move with it.</summary>
    public Task ShowAsync(int riskId, string reference, DateOnly? since, string chairName, string? chairUserId)
    {
        ChairShowing showing;
        lock (_lock)
        {
            if (_showing is { } current && current.RiskId == riskId && current.Since == since && current.ChairUserId == chairUserId && current.Draft is null)
                return Task.CompletedTask;
            showing = _showing = new ChairShowing(riskId, reference, since, chairName, chairUserId, ++_version);
        }
        return feed.PublishAsync([new ChangeEvent(Topic, "", $"moved to {reference}", "The chair's review", showing.Version, chairName,
            clock.GetUtcNow(), chairUserId)]);
    }

    /// <summary>The chair is trying these scores for the risk on screen (null when the choice is undone or saved).</summary>
    public Task DraftAsync(int riskId, ReassessmentDraft? draft)
    {
        ChairShowing showing;
        lock (_lock)
        {
            if (_showing is not { } current || current.RiskId != riskId || current.Draft == draft) return Task.CompletedTask;
            showing = _showing = current with { Draft = draft, Version = ++_version };
        }
        return feed.PublishAsync([new ChangeEvent(DraftTopic, "", "updated", "The chair's proposed scores", showing.Version, showing.ChairName,
            clock.GetUtcNow(), showing.ChairUserId)]);
    }
}
