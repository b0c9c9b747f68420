using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using Tracker.Domain.Risks;

namespace Tracker.App.Live;

/// <summary>A changed entity seen from the live side: which area and key it belongs to.</summary>
/// <param name="UpdatesParent">
/// The row belongs to the record the label names (a quarterly update of an action, a snapshot of a
/// risk): whatever happened to the row, people are told that record was updated.
/// </param>
public sealed record LiveTopic(string Area, string Key, string Label, bool UpdatesParent = false)
{
    public LiveTopic AsParentUpdate() => this with { UpdatesParent = true };
}

/// <summary>
/// Maps each entity type to the live area it belongs to. A child record (a further action, a
/// minute item) maps to its parent so that viewers of the parent are told. Types not listed here
/// are not broadcast.
/// </summary>
public static class LiveTopics
{
    static readonly Dictionary<Type, Func<object, LiveTopic>> Map = new()
    {
        [typeof(Person)] = e => new("people", ((Person)e).Id.ToString(), $"Person {((Person)e).Initials}"),
        [typeof(Partner)] = e => new("people", "", $"Partner {((Partner)e).Code}"),
        [typeof(Group)] = e => new("people", "", $"Group {((Group)e).ShortName}"),
        // Membership is saved without its group when only the members change; the strategy reads it.
        [typeof(GroupMember)] = e => new("people", "", ((GroupMember)e).Group is { } g ? $"Group {g.ShortName}" : "Group membership"),
        [typeof(Meeting)] = e => MeetingTopics.Meeting((Meeting)e),
        [typeof(AgendaItem)] = e => MeetingTopics.Child(((AgendaItem)e).MeetingId, "Agenda"),
        [typeof(Attendance)] = e => MeetingTopics.Child(((Attendance)e).MeetingId, "Attendance"),
        [typeof(StandingItem)] = e => MeetingTopics.Standing((StandingItem)e),
        [typeof(MinuteItem)] = e => MeetingTopics.Child(((MinuteItem)e).MeetingId, $"Minute {((MinuteItem)e).MinuteNumber}"),
        [typeof(Resolution)] = e => MeetingTopics.Resolution((Resolution)e).AsParentUpdate(),
        [typeof(SubGroupReport)] = e => MeetingTopics.Child(((SubGroupReport)e).MeetingId, "Sub-group report"),
        [typeof(MatterArising)] = e => MeetingTopics.Matter((MatterArising)e),
        [typeof(MatterUpdate)] = e => MeetingTopics.Matter(((MatterUpdate)e).Matter).AsParentUpdate(),
        [typeof(QuarterlyUpdate)] = e => new LiveTopic("strategy", ((QuarterlyUpdate)e).ActionId.ToString(), $"Action {((QuarterlyUpdate)e).Action?.Number ?? ((QuarterlyUpdate)e).ActionId.ToString()}").AsParentUpdate(),
        [typeof(StrategyAction)] = e => new("strategy", ((StrategyAction)e).Id.ToString(), ((StrategyAction)e).Label),
        // Owners are saved without their action when only the owners change: the action was updated.
        [typeof(StrategyActionOwner)] = e => new LiveTopic("strategy", ((StrategyActionOwner)e).ActionId.ToString(),
            ((StrategyActionOwner)e).Action?.Label ?? "An action").AsParentUpdate(),
        [typeof(Objective)] = e => new("strategy", "", $"Objective {((Objective)e).Number}"),
        [typeof(Priority)] = e => new("strategy", "", $"Priority {((Priority)e).Number}"),
        [typeof(SubPriority)] = e => new("strategy", "", $"Sub-priority {((SubPriority)e).Number}"),
        [typeof(Tracker.Domain.Strategy.Strategy)] = e => new("strategy", "", ((Tracker.Domain.Strategy.Strategy)e).Title),
        [typeof(QuarterLock)] = e => new("strategy", "", $"{new FinancialQuarter(((QuarterLock)e).Year, ((QuarterLock)e).Quarter).Label} locked"),
        [typeof(RollUpOverride)] = e => new("strategy", "", "RAG override"),
        [typeof(MetricValue)] = e => new("strategy", "", "Metric"),
        // Name, order and thresholds (which suggest each value's RAG).
        [typeof(Metric)] = e => new("strategy", "", $"Metric {((Metric)e).Name}"),
        [typeof(RagDefinition)] = e => new("strategy", "", $"{Rag.Word(((RagDefinition)e).Status)} definition"),
        [typeof(Risk)] = e => new("risks", ((Risk)e).Id.ToString(), $"Risk {((Risk)e).Reference}"),
        [typeof(FurtherAction)] = e => RiskChild(((FurtherAction)e).RiskId, ((FurtherAction)e).Risk),
        [typeof(RiskAssessment)] = e => RiskChild(((RiskAssessment)e).RiskId, ((RiskAssessment)e).Risk),
        [typeof(RiskReview)] = e => RiskChild(((RiskReview)e).RiskId, ((RiskReview)e).Risk),
        [typeof(RiskSettings)] = _ => new("risks", "", "Risk matrix"),
        [typeof(RiskCategory)] = e => new("risks", "", $"Risk category {((RiskCategory)e).Code}"),
    };

    static LiveTopic RiskChild(int riskId, Risk? risk) =>
        new("risks", (risk?.Id ?? riskId).ToString(), risk is null ? "A risk" : $"Risk {risk.Reference}", UpdatesParent: true);

    public static LiveTopic? For(object entity) =>
        Map.TryGetValue(entity.GetType(), out var topic) ? topic(entity) : null;
}
