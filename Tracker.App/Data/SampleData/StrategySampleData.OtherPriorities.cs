using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using StrategyEntity = Tracker.Domain.Strategy.Strategy;

namespace Tracker.App.Data.SampleData;

public sealed partial class StrategySampleData
{
    // Priorities Two to Four, as the report names them, with a few actions each and updates for the
    // three earlier quarters of 2020/21 (and some for Quarter Four) in varied RAG.
    static readonly (int Number, string Title, string Partner, string Description, (string Title, (string Description, string[] Owners, string? Group, string Author, (RagStatus? Rag, string Narrative)[] Quarters)[] Actions)[] Objectives)[] Others =
    [
        (2, "Violence Against Women and Girls", "LBB",
            "Tackling domestic abuse, sexual violence and other forms of violence against women and girls, supporting victims and holding perpetrators to account.",
            [
                ("Support victims of domestic abuse", [
                    ("Commission an independent domestic violence advisory service with capacity for high-risk referrals from MARAC.", ["BB"], "Domestic Abuse and VAWG", "BB",
                    [
                        (RagStatus.Green, "The IDVA service contract is in place and all high-risk MARAC referrals were contacted within two working days."),
                        (RagStatus.Amber, "Referrals rose by 30% during the first lockdown. Two IDVA posts are vacant and waiting times have grown; recruitment is under way."),
                        (RagStatus.Amber, "One of the two vacant IDVA posts has been filled. Waiting times are falling but remain above target."),
                        (RagStatus.Green, "Both IDVA posts are now filled and high-risk referrals are again contacted within two working days."),
                    ]),
                    ("Run the 16 Days of Action campaign against domestic abuse with partners and the voluntary sector.", ["BB", "LS"], "Domestic Abuse and VAWG", "BB",
                    [
                        (RagStatus.Green, "Planning for the campaign has started with the voluntary sector strategic network."),
                        (RagStatus.Green, "Online events are planned because of social distancing."),
                        (RagStatus.Blue, "The campaign ran from 25 November to 10 December 2020 with 14 online events and a social media reach of over 40,000."),
                        (RagStatus.Blue, "Complete. The evaluation will inform next year's campaign."),
                    ]),
                ]),
                ("Hold perpetrators to account", [
                    ("Introduce a perpetrator programme for domestic abuse offenders with Probation.", ["KN", "BB"], "Offender Management", "KN",
                    [
                        (RagStatus.Amber, "Funding for the perpetrator programme has been bid for through MOPAC; the outcome is awaited."),
                        (RagStatus.Red, "The MOPAC bid was unsuccessful. The Strategic Group is asked to consider alternative funding so that the programme can start this year."),
                        (RagStatus.Red, "No alternative funding has yet been identified. The programme cannot start without it."),
                        (null, ""),
                    ]),
                ]),
            ]),
        (3, "Keeping Young People Safe", "LBB",
            "Reducing serious youth violence, knife crime and the exploitation of children and young people, and diverting young people away from offending.",
            [
                ("Reduce serious youth violence and knife crime", [
                    ("Deliver weapons awareness sessions in every secondary school in the borough.", ["BM", "CK"], "Gangs and Serious Youth Violence", "CK",
                    [
                        (RagStatus.Amber, "Schools closed in March; sessions are being redesigned for online delivery."),
                        (RagStatus.Amber, "Online sessions have been delivered to 6 of the 17 secondary schools."),
                        (RagStatus.Green, "Sessions have now been delivered in 14 schools, with the remaining three booked for January."),
                        (RagStatus.Green, "All 17 secondary schools have received weapons awareness sessions this year."),
                    ]),
                    ("Use the Gangs Mega Panel to manage young people at risk of exploitation.", ["CK", "AM"], "Gangs and Serious Youth Violence", "AM",
                    [
                        (RagStatus.Green, "The Mega Panel meets monthly, now online."),
                        (RagStatus.Green, "The panel reviewed 42 young people this quarter."),
                        (RagStatus.Green, "The GLA review highlighted the work of the Mega Panel as good practice."),
                        (null, ""),
                    ]),
                ]),
                ("Reduce first-time entrants to the youth justice system", [
                    ("Offer every young person arrested for a first offence a diversion programme through the Youth Offending Service.", ["BM", "YH"], "Youth Offending", "YH",
                    [
                        (RagStatus.Green, "Diversion is offered at the point of arrest through the custody suite."),
                        (RagStatus.Amber, "Custody referrals fell during lockdown and some young people were not offered diversion; a new referral route is being agreed with police."),
                        (RagStatus.Green, "The new referral route is in place and every eligible young person was offered diversion this quarter."),
                        (RagStatus.Green, "First-time entrants are 18% lower than last year."),
                    ]),
                ]),
            ]),
        (4, "Stand Together Against Hate Crime and Extremism", "MPS",
            "Encouraging the reporting of hate crime, supporting victims, and safeguarding people vulnerable to radicalisation through Prevent.",
            [
                ("Increase the reporting of hate crime", [
                    ("Open third-party hate crime reporting centres in libraries and community venues.", ["RV", "SE"], "Prevent", "RV",
                    [
                        (RagStatus.Amber, "Venues are closed; the centres will open when restrictions allow."),
                        (RagStatus.Amber, "Three venues have agreed to host reporting centres; staff training is planned online."),
                        (RagStatus.Red, "Training has been delayed by the second lockdown and no centre has opened. Reports of hate crime against Chinese and East Asian residents are rising."),
                        (RagStatus.Amber, "Online training is complete for two venues. Hate crime reports are up 16.3% on the previous rolling year."),
                    ]),
                ]),
                ("Safeguard people vulnerable to radicalisation", [
                    ("Deliver Prevent awareness (WRAP) training to front-line staff of every partner.", ["RV", "AM"], "Prevent", "RV",
                    [
                        (RagStatus.Green, "WRAP training has moved online."),
                        (RagStatus.Green, "312 front-line staff were trained this quarter."),
                        (RagStatus.Green, "Training has been extended to registered social landlords."),
                        (RagStatus.Blue, "The year's training plan is complete: 1,140 staff trained across all partners."),
                    ]),
                    ("Tackle anti-social behaviour that drives community tensions, using Community Impact Days in hot-spot wards.", ["PS"], "ASB and Envirocrime", "PS",
                    [
                        (RagStatus.Green, "Community tensions are monitored weekly with police."),
                        (RagStatus.Amber, "Tensions rose in two wards after incidents in August; extra Community Impact Days have been arranged."),
                        (RagStatus.Green, "Tensions have eased following the Community Impact Days in Cray Valley."),
                        (null, ""),
                    ]),
                ]),
            ]),
    ];

    static void SeedOtherPriorities(StrategyEntity strategy, Dictionary<string, Partner> partners, ActFn act, UpdateFn update)
    {
        foreach (var (number, title, partner, description, objectives) in Others)
        {
            var priority = strategy.AddPriority(new Priority { Number = number, Title = title, LeadPartner = partners[partner], Description = description });
            var objectiveNumber = 0;
            foreach (var (objectiveTitle, actions) in objectives)
            {
                var objective = priority.AddObjective(new Objective { Number = ++objectiveNumber, Title = objectiveTitle });
                foreach (var (actionDescription, owners, group, author, quarters) in actions)
                {
                    var action = act(objective, actionDescription, owners, group, partner == "MPS" ? "LBB" : partner);
                    for (var q = 0; q < quarters.Length; q++)
                        if (quarters[q].Rag is { } rag)
                            update(action, new FinancialQuarter(2020, q + 1), rag, quarters[q].Narrative, author);
                }
            }
        }
    }
}
