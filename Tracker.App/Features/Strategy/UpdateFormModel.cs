using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>What the update form posts; the version is the action's, so two saves of one action are told apart.</summary>
public sealed class UpdateFormModel
{
    public int Version { get; set; }
    public string? Rag { get; set; }
    public string? Narrative { get; set; }
    public string? EvidenceLink { get; set; }
    public string? LockReason { get; set; }

    public UpdateSubmission ToSubmission() =>
        new(Domain.Strategy.Rag.TryParse(Rag, out var rag) ? rag : null, Narrative, EvidenceLink, LockReason);
}
