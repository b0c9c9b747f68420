using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Strategy;

/// <summary>What a lead fills in to update an action; the version is the action's, so two saves of one action are told apart.</summary>
public sealed class UpdateFormModel
{
    public int Version { get; set; }
    public RagStatus? Rag { get; set; }
    public string? Narrative { get; set; }
    public string? EvidenceLink { get; set; }
    public string? LockReason { get; set; }

    public UpdateSubmission ToSubmission() => new(Rag, Narrative, EvidenceLink, LockReason);

    /// <summary>What the user could have changed, to tell a touched form from an untouched one.</summary>
    public (RagStatus?, string, string, string) Typed => (Rag, Narrative ?? "", EvidenceLink ?? "", LockReason ?? "");

    public static UpdateFormModel From(UpdateForm form) => new()
    {
        Version = form.Version,
        Rag = form.Current?.Rag,
        Narrative = form.Current?.Narrative,
        EvidenceLink = form.Current?.EvidenceLink,
    };
}
