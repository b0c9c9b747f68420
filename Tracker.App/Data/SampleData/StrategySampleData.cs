using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Common;
using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using StrategyEntity = Tracker.Domain.Strategy.Strategy;

namespace Tracker.App.Data.SampleData;

/// <summary>
/// Two strategies that tell one story. The current one, the Safer Bromley Strategy 2024–27 (its years
/// cover the quarter under review, so every page defaults to it), with updates for each quarter since
/// 2024/25 Q1, the sample lead's actions partly outstanding for the quarter the next Strategic Group
/// meeting reviews, and rolling-year metrics (see StrategySampleData.Current.cs). And, as history, the
/// strategy of the Quarter Four 2020/21 progress report: Priority One – Safer Neighbourhoods as the
/// report gives it (objectives 1–8, their actions and Quarter Four updates, converted from the report's
/// HTML to plain paragraphs and "- " list lines) and its metrics table (Rolling Year Jan 21); Priorities
/// Two to Four with a few actions and earlier quarters of 2020/21 in varied RAG. The current strategy is
/// seeded first, so its actions come first by id. Development only.
/// </summary>
public sealed partial class StrategySampleData(TimeProvider clock) : ISampleData
{
    public int Order => 30;

    static readonly FinancialQuarter Q4 = new(2020, 4);

    public async Task SeedAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var people = await db.People.ToDictionaryAsync(p => p.Initials, cancellationToken);
        var partners = await db.Partners.ToDictionaryAsync(p => p.Code, cancellationToken);
        var groups = await db.Groups.ToDictionaryAsync(g => g.ShortName, cancellationToken);

        db.RagDefinitions.AddRange(Rag.All.Select(r => new RagDefinition { Status = r, Definition = Rag.DefaultDefinitions[r] }));

        // The quarter the next Strategic Group meeting of the sample cycle reviews (FinancialQuarter.ReviewedBy its papers deadline).
        var today = DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));
        var underReview = FinancialQuarter.ReviewedBy(StrategicGroupCycle.For(today).Next.AddDays(-Tracker.Domain.Meetings.Meeting.DefaultPapersDeadlineDays));
        var current = SeedCurrentStrategy(people, partners, groups, underReview, today);
        db.Strategies.Add(current);
        await db.SaveChangesAsync(cancellationToken);
        db.Metrics.AddRange(CurrentStrategyMetrics(current, underReview));

        var strategy = new StrategyEntity { Title = "Safer Bromley Partnership Strategy 2020–23", StartYear = 2020, EndYear = 2022 };
        db.Strategies.Add(strategy);

        StrategyAction Act(Objective objective, string description, string[] owners, string? group, string partner,
            DateOnly? target = null)
        {
            var action = objective.AddAction(new StrategyAction
            {
                Number = $"{objective.Number}.{objective.Actions.Count + 1}",
                Description = description,
                OwningGroup = group is null ? null : groups[group],
                LeadPartner = partners[partner],
                StartDate = new DateOnly(2020, 4, 1),
                TargetDate = target ?? new DateOnly(2023, 3, 31),
            });
            foreach (var initials in owners) action.AddOwner(people[initials]);
            return action;
        }

        void Update(StrategyAction action, FinancialQuarter quarter, RagStatus rag, string narrative, string author)
        {
            var person = people[author];
            // Updates are dated a fortnight before the quarter ends, as they would be for the papers.
            var at = new DateTimeOffset(quarter.End.AddDays(-14).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            action.RecordUpdate(quarter, rag, narrative, null, null, person.Name, at);
        }

        SeedPriorityOne(strategy, partners, Act, Update);
        SeedOtherPriorities(strategy, partners, Act, Update);
        await db.SaveChangesAsync(cancellationToken);

        var priorities = strategy.Priorities.ToDictionary(p => p.Number);
        var order = 0;
        foreach (var (name, priority, count, previous, lowerIsBetter) in Metrics)
        {
            var metric = new Metric { StrategyId = strategy.Id, Priority = priorities[priority], Name = name, LowerIsBetter = lowerIsBetter, Order = ++order };
            metric.AddValue(Q4, "Rolling Year Jan 21", count, previous);
            db.Metrics.Add(metric);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    // The report's table, Rolling Year Jan 21: count, previous rolling year.
    static readonly (string Name, int Priority, int Count, int Previous, bool LowerIsBetter)[] Metrics =
    [
        ("Total Notifiable Offences", 1, 21328, 25481, true),
        ("Non-Domestic Violence with Injury", 1, 1280, 1451, true),
        ("Total Burglary", 1, 1634, 2738, true),
        ("Residential Burglary", 1, 1270, 2121, true),
        ("Theft of Motor Vehicles", 1, 950, 1040, true),
        ("Knife Crime Offences", 3, 639, 1216, true),
        ("Gun Crime Offences", 3, 89, 123, true),
        ("Sexual offences", 2, 496, 545, true),
        ("Domestic Abuse Offences", 2, 2900, 3054, true),
        ("Hate Crime", 4, 513, 441, true),
        ("ASB Calls", 1, 13110, 6764, true),
    ];

    delegate StrategyAction ActFn(Objective objective, string description, string[] owners, string? group, string partner, DateOnly? target = null);
    delegate void UpdateFn(StrategyAction action, FinancialQuarter quarter, RagStatus rag, string narrative, string author);
}
