using Tracker.Domain.Common;

namespace Tracker.Domain.People;

/// <summary>A partner organisation of the partnership: the council, the police, the fire brigade…</summary>
public sealed class Partner : Entity
{
    /// <summary>Short code as the papers use it: LBB, MPS, LFB, LAS, NPS, ICB, SNB.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
}
