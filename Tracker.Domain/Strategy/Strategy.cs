using Tracker.Domain.Common;
using Tracker.Domain.People;

namespace Tracker.Domain.Strategy;

/// <summary>A partnership strategy, e.g. "Safer Bromley Partnership Strategy 2020–23", with numbered priorities.</summary>
public sealed class Strategy : Entity
{
    public required string Title { get; set; }
    /// <summary>First financial year covered (2020 for 2020/21).</summary>
    public int StartYear { get; set; }
    /// <summary>Last financial year covered (2022 for 2022/23).</summary>
    public int EndYear { get; set; }
    public bool IsRetired { get; set; }

    readonly List<Priority> _priorities = [];
    public IReadOnlyList<Priority> Priorities => _priorities;

    public FinancialQuarter FirstQuarter => new(StartYear, 1);
    public FinancialQuarter LastQuarter => new(EndYear, 4);

    public Priority AddPriority(Priority priority)
    {
        priority.Strategy = this;
        _priorities.Add(priority);
        return priority;
    }

    public void Update(StrategyInput input)
    {
        Title = input.Title.Trim();
        StartYear = input.StartYear!.Value;
        EndYear = input.EndYear!.Value;
    }
}

/// <summary>A strategy's years, enough to tell which strategy a quarter belongs to.</summary>
public sealed record StrategyPeriod(int Id, int StartYear, int EndYear, bool IsRetired)
{
    public bool Covers(FinancialQuarter quarter) => StartYear <= quarter.Year && quarter.Year <= EndYear;

    /// <summary>
    /// The strategy of a quarter, which is the current strategy when the quarter is the one under review:
    /// of the strategies not retired, the one whose years cover the quarter (the latest to start if
    /// several do); failing that, the latest to start on or before the quarter (a strategy runs on until
    /// the next one starts); failing that (a quarter before them all), the first. Null when there is none. No flag to set:
    /// a new strategy becomes current when its first quarter comes under review, and the one it replaces
    /// becomes history, still reachable by naming it or one of its quarters.
    /// </summary>
    public static int? For(IEnumerable<StrategyPeriod> strategies, FinancialQuarter quarter)
    {
        var live = strategies.Where(s => !s.IsRetired).OrderByDescending(s => s.StartYear).ThenByDescending(s => s.Id).ToList();
        return (live.FirstOrDefault(s => s.Covers(quarter))
                ?? live.FirstOrDefault(s => s.StartYear <= quarter.Year)
                ?? live.LastOrDefault())?.Id;
    }
}

/// <summary>"Priority One – Safer Neighbourhoods", led by a partner.</summary>
public sealed class Priority : Entity
{
    public int StrategyId { get; set; }
    public Strategy? Strategy { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public int? LeadPartnerId { get; set; }
    public Partner? LeadPartner { get; set; }
    public bool IsRetired { get; set; }

    readonly List<SubPriority> _subPriorities = [];
    public IReadOnlyList<SubPriority> SubPriorities => _subPriorities;
    readonly List<Objective> _objectives = [];
    public IReadOnlyList<Objective> Objectives => _objectives;

    static readonly string[] Words = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];

    /// <summary>"Priority One – Safer Neighbourhoods"</summary>
    public string Heading => HeadingOf(Number, Title);

    public static string HeadingOf(int number, string title) =>
        $"Priority {(number is >= 1 and <= 10 ? Words[number - 1] : number.ToString())} – {title}";

    public SubPriority AddSubPriority(int number, string title)
    {
        var sub = new SubPriority { Number = number, Title = title, Priority = this };
        _subPriorities.Add(sub);
        return sub;
    }

    public Objective AddObjective(Objective objective)
    {
        objective.Priority = this;
        objective.Order = _objectives.Count + 1;
        _objectives.Add(objective);
        return objective;
    }

    public void Update(PriorityInput input)
    {
        Number = input.Number!.Value;
        Title = input.Title.Trim();
        Description = input.Description?.Trim() ?? "";
        LeadPartnerId = input.LeadPartnerId;
    }
}

/// <summary>A sub-priority such as "Residential Burglary"; objectives may belong to one.</summary>
public sealed class SubPriority : Entity
{
    public int PriorityId { get; set; }
    public Priority? Priority { get; set; }
    /// <summary>Its number within the priority, which is also its order; administrators reorder by swapping numbers.</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    /// <summary>Retired sub-priorities leave the report and the objective form, but objectives keep the link for history.</summary>
    public bool IsRetired { get; set; }

    public void Update(SubPriorityInput input)
    {
        Number = input.Number!.Value;
        Title = input.Title.Trim();
    }
}

/// <summary>A numbered objective: "1. Improve partnership and stakeholder engagement and collaboration".</summary>
public sealed class Objective : Entity
{
    public int PriorityId { get; set; }
    public Priority? Priority { get; set; }
    public int? SubPriorityId { get; set; }
    public SubPriority? SubPriority { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Position within the priority; administrators reorder.</summary>
    public int Order { get; set; }
    /// <summary>Retired objectives stay for the history but leave current lists and new reports.</summary>
    public bool IsRetired { get; set; }

    readonly List<StrategyAction> _actions = [];
    public IReadOnlyList<StrategyAction> Actions => _actions;

    public StrategyAction AddAction(StrategyAction action)
    {
        action.Objective = this;
        action.Order = _actions.Count + 1;
        _actions.Add(action);
        return action;
    }

    public void Update(ObjectiveInput input)
    {
        Number = input.Number!.Value;
        Title = input.Title.Trim();
        Description = input.Description?.Trim() ?? "";
        SubPriorityId = input.SubPriorityId;
    }
}
