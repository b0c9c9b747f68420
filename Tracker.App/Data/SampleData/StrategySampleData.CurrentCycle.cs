using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using StrategyEntity = Tracker.Domain.Strategy.Strategy;

namespace Tracker.App.Data.SampleData;

public sealed partial class StrategySampleData
{
    // Recent quarters, relative to the cycle of meetings: the two quarters reviewed at the last two
    // Strategic Group meetings for the ASB and Envirocrime Sub-Group's actions, which the demo lead (PS)
    // leads, and a few others; and the quarter the next meeting reviews (FinancialQuarter.ReviewedBy its
    // papers deadline) for some of them only, so that "My updates", the completeness board and the
    // dashboard show actions updated and still outstanding for the next meeting.
    // Actions the page and browser tests update for the quarter under review (1.2, 3.2, 5.1, 8.3) stay outstanding.
    static readonly (int Priority, string Action, string Author, (RagStatus Rag, string Narrative) BeforeLast, (RagStatus Rag, string Narrative) Last, (RagStatus Rag, string Narrative)? UnderReview)[] Recent =
    [
        (1, "1.2", "PS",
            (RagStatus.Green, "Three Community Impact Days were held this quarter, in Penge, Cray Valley East and Mottingham."),
            (RagStatus.Green, "Community Impact Days continued monthly; noise nuisance visits were added at the request of residents."),
            null),
        (1, "3.1", "PS",
            (RagStatus.Amber, "The Public Spaces Protection Order expires next year; the consultation on extending it has been drafted."),
            (RagStatus.Amber, "The PSPO consultation is open. The extension cannot be agreed until it closes and the Portfolio Holder decides."),
            (RagStatus.Amber, "The consultation closed with 212 responses, 81% in favour. The report to the Portfolio Holder is being drafted; the order remains Amber until the decision.")),
        (1, "3.2", "PS",
            (RagStatus.Green, "Acceptable behaviour contracts were used with 11 young people this quarter."),
            (RagStatus.Green, "Nine acceptable behaviour contracts were agreed; none has been breached."),
            null),
        (1, "5.1", "TS",
            (RagStatus.Green, "Deployable cameras were moved to the three worst fly-tipping hotspots."),
            (RagStatus.Amber, "Two deployable cameras are awaiting repair; fly-tipping at the Crays hotspot has returned."),
            null),
        (1, "8.3", "PS",
            (RagStatus.Amber, "ASB calls rose over the spring, mainly reports of nuisance mopeds and quad bikes."),
            (RagStatus.Green, "ASB calls are 9% lower than the same quarter last year following the summer operations."),
            null),
        (4, "2.2", "PS",
            (RagStatus.Green, "Community tensions are monitored weekly with police; no hot-spots were identified."),
            (RagStatus.Green, "A Community Impact Day was held in Penge after reports of tension; it has eased."),
            (RagStatus.Green, "Tensions remain low across the borough; monitoring continues weekly.")),
        (2, "1.1", "BB",
            (RagStatus.Amber, "Referrals to the IDVA service rose by 18% on the quarter; one post is vacant."),
            (RagStatus.Amber, "Demand for advocacy still exceeds commissioned capacity; a bid for additional funding has gone to MOPAC."),
            (RagStatus.Red, "The MOPAC bid was unsuccessful and waiting times for high-risk victims have grown. The Strategic Group is asked to consider interim funding.")),
        (3, "1.1", "CK",
            (RagStatus.Green, "Weapons awareness sessions were booked with all 17 secondary schools for the autumn term."),
            (RagStatus.Green, "Sessions were delivered in 9 schools before the summer holidays."),
            null),
        (4, "2.1", "RV",
            (RagStatus.Green, "WRAP training was delivered to 180 front-line staff."),
            (RagStatus.Green, "Prevent e-learning is now mandatory for front-line council staff."),
            (RagStatus.Blue, "The year's training plan is complete: every partner has trained its front-line staff.")),
    ];

    static void SeedRecentQuarters(StrategyEntity strategy, Dictionary<string, Person> people, DateOnly today)
    {
        var next = StrategicGroupCycle.For(today).Next;
        var current = FinancialQuarter.ReviewedBy(next.AddDays(-Tracker.Domain.Meetings.Meeting.DefaultPapersDeadlineDays));
        var actions = strategy.Priorities.SelectMany(p => p.Objectives.SelectMany(o => o.Actions.Select(a => (p.Number, a))))
            .ToDictionary(x => (x.Number, x.a.Number), x => x.a);
        foreach (var (priority, number, author, beforeLast, last, now) in Recent)
        {
            var action = actions[(priority, number)];
            var name = people[author].Name;
            // Updates for an earlier quarter are dated a fortnight before it ended; for the quarter under review a few days ago.
            void Record(FinancialQuarter quarter, (RagStatus Rag, string Narrative) update, DateOnly on) =>
                action.RecordUpdate(quarter, update.Rag, update.Narrative, null, null, name,
                    new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
            Record(current.Previous.Previous, beforeLast, current.Previous.Previous.End.AddDays(-14));
            Record(current.Previous, last, current.Previous.End.AddDays(-14));
            if (now is { } update)
            {
                var on = today.AddDays(-3) < current.Start ? current.Start : today.AddDays(-3);
                Record(current, update, on);
            }
        }
    }
}
