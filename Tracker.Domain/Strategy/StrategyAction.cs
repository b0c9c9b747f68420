using Tracker.Domain.Common;
using Tracker.Domain.People;

namespace Tracker.Domain.Strategy;

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Complete,
    Ongoing,
}

/// <summary>
/// An action under an objective, owned by one or more people and optionally by a sub-group whose
/// leads may update it. Never deleted once it has updates: it is retired instead.
/// </summary>
public sealed class StrategyAction : Entity
{
    public int ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    /// <summary>"1.2": objective number, then position.</summary>
    public required string Number { get; set; }
    public required string Description { get; set; }
    public int? OwningGroupId { get; set; }
    public Group? OwningGroup { get; set; }
    public int? LeadPartnerId { get; set; }
    public Partner? LeadPartner { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? TargetDate { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.InProgress;
    public int Order { get; set; }
    public bool IsRetired { get; set; }
    /// <summary>When the last quarterly update was added. Adding an update bumps the action's version, so two leads saving at once are told.</summary>
    public DateTimeOffset? LastUpdateAt { get; set; }

    readonly List<StrategyActionOwner> _owners = [];
    public IReadOnlyList<StrategyActionOwner> Owners => _owners;
    readonly List<QuarterlyUpdate> _updates = [];
    public IReadOnlyList<QuarterlyUpdate> Updates => _updates;

    public string Label => $"Action {Number}";

    public void AddOwner(Person person)
    {
        if (_owners.Any(o => ReferenceEquals(o.Person, person) || (person.Id != 0 && o.PersonId == person.Id))) return;
        _owners.Add(new StrategyActionOwner { Action = this, Person = person, PersonId = person.Id });
    }

    public void SetOwners(IEnumerable<int> personIds)
    {
        var wanted = personIds.Distinct().ToList();
        _owners.RemoveAll(o => !wanted.Contains(o.PersonId));
        foreach (var id in wanted.Where(id => _owners.All(o => o.PersonId != id)))
            _owners.Add(new StrategyActionOwner { ActionId = Id, PersonId = id });
    }

    /// <summary>
    /// Appends the quarter's update: earlier rows stay as history, and the latest row is the
    /// quarter's current update.
    /// </summary>
    public QuarterlyUpdate RecordUpdate(FinancialQuarter quarter, RagStatus rag, string? narrative, string? evidenceLink,
        int? authorPersonId, string authorName, DateTimeOffset at)
    {
        var update = new QuarterlyUpdate
        {
            Action = this,
            ActionId = Id,
            Year = quarter.Year,
            Quarter = quarter.Quarter,
            Rag = rag,
            Narrative = narrative?.Trim() ?? "",
            EvidenceLink = string.IsNullOrWhiteSpace(evidenceLink) ? null : evidenceLink.Trim(),
            AuthorPersonId = authorPersonId,
            AuthorName = authorName,
            RecordedAt = at,
        };
        _updates.Add(update);
        LastUpdateAt = at;
        return update;
    }

    /// <summary>The update in force for a quarter: the latest row recorded for it.</summary>
    public QuarterlyUpdate? CurrentUpdate(FinancialQuarter quarter) =>
        _updates.Where(u => u.Year == quarter.Year && u.Quarter == quarter.Quarter)
            .OrderByDescending(u => u.RecordedAt).ThenByDescending(u => u.Id).FirstOrDefault();

    /// <summary>The most recent update of an earlier quarter: what a change of RAG is measured against.</summary>
    public QuarterlyUpdate? LastUpdateBefore(FinancialQuarter quarter) =>
        _updates.Where(u => u.Year * 10 + u.Quarter < quarter.Key)
            .OrderByDescending(u => u.Year * 10 + u.Quarter).ThenByDescending(u => u.RecordedAt).ThenByDescending(u => u.Id)
            .FirstOrDefault();

    public void Update(ActionInput input)
    {
        Number = input.Number.Trim();
        Description = input.Description.Trim();
        OwningGroupId = input.OwningGroupId;
        LeadPartnerId = input.LeadPartnerId;
        StartDate = input.StartDate;
        TargetDate = input.TargetDate;
        Status = input.Status;
        SetOwners(input.OwnerIds);
    }
}

public sealed class StrategyActionOwner
{
    public int ActionId { get; set; }
    public StrategyAction? Action { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>
/// One append-only row of an action's history for a quarter. Rows are never changed: a correction
/// is a new row, so every earlier version stays visible.
/// </summary>
public sealed class QuarterlyUpdate : Entity
{
    public int ActionId { get; set; }
    public StrategyAction? Action { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public RagStatus Rag { get; set; }
    public string Narrative { get; set; } = "";
    public string? EvidenceLink { get; set; }
    public int? AuthorPersonId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    public FinancialQuarter FinancialQuarter => new(Year, Quarter);
}

/// <summary>The chair's sign-off of a strategy's quarter: its updates are then locked.</summary>
public sealed class QuarterLock : Entity
{
    public int StrategyId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public required string LockedBy { get; set; }
    public DateTimeOffset LockedAt { get; set; }
}

/// <summary>
/// What one user has typed, but not yet saved, for an action's quarterly update: kept as they type so
/// that a reload, a lost connection or a restart does not lose it, and removed when the update is
/// saved. Private to its user: not a tracker record, so neither audited nor announced.
/// </summary>
public sealed class UpdateDraft
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int ActionId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public RagStatus? Rag { get; set; }
    public string Narrative { get; set; } = "";
    public string? EvidenceLink { get; set; }
    public DateTimeOffset SavedAt { get; set; }

    public void Keep(RagStatus? rag, string? narrative, string? evidenceLink, DateTimeOffset at)
    {
        Rag = rag;
        Narrative = narrative ?? "";
        EvidenceLink = string.IsNullOrEmpty(evidenceLink) ? null : evidenceLink;
        SavedAt = at;
    }
}
