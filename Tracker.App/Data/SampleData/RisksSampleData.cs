using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;

namespace Tracker.App.Data.SampleData;

/// <summary>
/// The four risks of the partnership's draft Risk Log, word for word (including its wording slips and
/// the third risk's impact, which the log cuts off), plus partnership risks of the kind the sub-groups
/// report, reassessed over the past four quarterly meetings so history and direction of travel show.
/// Dates are relative to today and follow <see cref="StrategicGroupCycle"/>, the meetings sample data's current cycle.
/// </summary>
public sealed class RisksSampleData(TimeProvider clock) : ISampleData
{
    public int Order => 40;

    sealed record Seed(
        string Reference, string Group, string Title, string Cause, string Impact, string Categories,
        (int L, int S) Gross, string Controls, (int L, int S)? Net, (int L, int S)? Target,
        (string Description, string Owner, FurtherActionRag? Rag, int? DueInMonths)[] Actions,
        // Earlier assessments: (meetings ago, gross, net, target, note), oldest first.
        (int MeetingsAgo, (int L, int S) Gross, (int L, int S)? Net, (int L, int S)? Target, string Note)[] History,
        int? ReviewDueInDays = 60, RiskStatus Status = RiskStatus.Open, string? ClosingNote = null,
        // A reassessment since the last meeting, days ago.
        int? ChangedDaysAgo = null);

    const string Strategic = "Strategic Group";

    static readonly Seed[] Seeds =
    [
        // The Risk Log (001), verbatim. The log names the owner "SBP Strategy Group": the Strategic Group.
        new("R1", Strategic,
            "No established SBP coordination, support and planning resource",
            "Limited appropriately skilled officer capacity within all partner agencies",
            "Unable to prepare SBP Strategic assessment, strategy development and associated meetings to deliver an effective SBP.",
            "P, E, S, T, L, C", (4, 4),
            "The Council have take the lead on coordinating the main functions of the SBP coordination, support and planning to date.",
            (2, 2), null,
            [("Consider alternative delivery mechanisms", "", null, null)],
            [(4, (4, 4), (2, 2), null, "Draft Risk Log circulated to the Strategic Group")]),
        new("R2", Strategic,
            "Unclear strategy delivery structure",
            "Limited appropriately skilled officer capacity within all partner agencies",
            "Unable to deliver an effective agreed SBP strategic activity.",
            "P, E, S, T, L, C", (4, 4),
            "The Council have take the lead on coordinating the main functions of the SBP coordination, support and planning to date, accessing grant funding when available, to deliver this function.",
            (2, 2), null,
            [("Consider alternative delivery mechanisms", "", null, null)],
            [(4, (4, 4), (2, 2), null, "Draft Risk Log circulated to the Strategic Group")]),
        new("R3", Strategic,
            "Data analytic and research capacity and depth is not sufficient to support the new structure with strategic and tactical analyses",
            "Inadequate data collection processes. Insufficient officer capacity to facilitate data management and sharing. Insufficient skilled officers to analyse and interpret the data into meaningful outputs.",
            "Lack of capacity and coordination around data management resulting in loss of insight. Lack of skilled data analysis and interpretation resulting in a narrow",
            "T, E", (3, 4),
            "The Council have appointed a temporary resource to undertake this activity, utilising some limited grant funding.",
            (2, 2), null,
            [("Develop a data working group to support improved data sharing, interpretation, analysis and presentation", "", null, null)],
            [(4, (3, 4), (2, 2), null, "Draft Risk Log circulated to the Strategic Group")]),
        new("R4", Strategic,
            "No established budget or funding stream to support development of new initiatives",
            "No agreement among statutory partners about contributions.",
            "Lack of flexibility to respond to new issues, or test new concepts",
            "P, E", (3, 4), "", null, null,
            [("All partners to consider and report on opportunities within their organisations or that they may be able to access, which may secure funding for the development of initiatives.", "", null, null)],
            [(4, (3, 4), null, null, "Draft Risk Log circulated to the Strategic Group")]),

        // Further partnership risks, as the sub-groups report them.
        new("R5", "ASB and Envirocrime",
            "The Public Spaces Protection Order lapses before its extension is approved",
            "The PSPO expires at the end of its three-year term; the extension needs consultation and a Portfolio Holder decision.",
            "Loss of powers to deal with street drinking and nuisance behaviour in the town centres; rise in ASB calls.",
            "L, P", (4, 4),
            "Consultation plan agreed; ASB and Envirocrime Sub-Group tracking the timetable monthly.",
            (3, 3), (1, 3),
            [("Complete the statutory consultation on the PSPO extension", "PS", FurtherActionRag.Amber, 1),
             ("Report the consultation outcome to the Portfolio Holder for decision", "JS", FurtherActionRag.Green, 3)],
            [(3, (4, 4), (2, 3), (1, 3), "PSPO extension timetable agreed"),
             (1, (4, 4), (2, 3), (1, 3), "On track")],
            ChangedDaysAgo: 20),
        new("R6", "ASB and Envirocrime",
            "Fly-tipping hotspots are not cleared and enforced quickly enough",
            "Street enforcement team reduced by two posts; contractor response times lengthening.",
            "Environmental damage, repeat dumping and loss of public confidence in the partnership.",
            "E, C", (4, 3),
            "Hotspot mapping shared weekly with the contractor; fixed penalty notices issued by street enforcement.",
            (3, 2), (2, 2),
            [("Install deployable CCTV at the three worst hotspots", "TS", FurtherActionRag.Green, 2),
             ("Run a landlord and resident awareness campaign with Clarion", "JBR", FurtherActionRag.Amber, 4)],
            [(4, (4, 3), (4, 3), (2, 2), "New risk"),
             (2, (4, 3), (3, 3), (2, 2), "Hotspot mapping in place"),
             (1, (4, 3), (3, 2), (2, 2), "Fixed penalty notices up 40% on last year")]),
        new("R7", "Domestic Abuse and VAWG",
            "Demand for domestic abuse advocacy exceeds the commissioned IDVA capacity",
            "Referrals to the IDVA service have risen each quarter; the contract is fixed until the end of the financial year.",
            "High-risk victims wait for support; MARAC actions are not completed in time; risk of serious harm.",
            "S, E", (5, 4),
            "Triage of referrals by risk level; MARAC co-ordinator prioritises high-risk cases.",
            (4, 4), (3, 3),
            [("Bid to MOPAC for additional IDVA funding", "BB", FurtherActionRag.Amber, 2),
             ("Review the referral pathway with the MASH", "LB", FurtherActionRag.Red, 1)],
            [(4, (5, 4), (3, 3), (2, 3), "Contract awarded"),
             (2, (5, 4), (3, 4), (3, 3), "Referrals up 18% on the quarter"),
             (1, (5, 4), (3, 4), (3, 3), "No change")],
            ChangedDaysAgo: 14),
        new("R8", "Offender Management",
            "IOM cohort information is not shared promptly between Probation and the Police",
            "Different case management systems; the information sharing agreement is out of date.",
            "Missed opportunities to intervene with prolific offenders; reoffending rises.",
            "T, L", (4, 4),
            "Weekly IOM tasking meeting; named single points of contact in each agency.",
            (2, 3), (2, 2),
            [("Refresh the IOM information sharing agreement", "KN", FurtherActionRag.Green, 1)],
            [(3, (4, 4), (3, 3), (2, 2), "Tasking meeting re-established"),
             (1, (4, 4), (2, 3), (2, 2), "SPOCs named")],
            ReviewDueInDays: -21),
        new("R9", "Youth Offending",
            "The number of first-time entrants to the youth justice system rises",
            "Reduced early help capacity following the service restructure.",
            "More young people criminalised; higher demand on the Youth Offending Service.",
            "S", (3, 4),
            "Out-of-court disposal panel; Triage scheme with the Police.",
            (3, 3), (2, 3),
            [("Extend the Triage scheme to secondary schools", "BM", FurtherActionRag.Green, 5)],
            [(4, (3, 4), (2, 3), (2, 3), "New risk"),
             (2, (3, 4), (2, 3), (2, 3), "Stable")],
            ChangedDaysAgo: 30),
        new("R10", "Gangs and Serious Youth Violence",
            "Serious youth violence and knife crime rise during the summer holidays",
            "Fewer diversionary activities funded this year; known tensions between groups in two wards.",
            "Serious injury or death of a young person; community tension and fear of crime.",
            "S, P, C", (5, 5),
            "Summer diversionary programme; weapons sweeps and targeted patrols in hotspot wards.",
            (4, 4), (3, 4),
            [("Agree the summer diversionary programme with the Youth Service", "CK", FurtherActionRag.Blue, -1),
             ("Knife crime awareness sessions in secondary schools", "BM", FurtherActionRag.Amber, 2)],
            [(4, (5, 5), (4, 5), (3, 4), "Raised after the spring incidents"),
             (2, (5, 5), (4, 5), (3, 4), "Programme being agreed"),
             (1, (5, 5), (4, 5), (3, 4), "Programme agreed")],
            ChangedDaysAgo: 10),
        new("R11", "Prevent",
            "Frontline staff do not recognise and refer people vulnerable to radicalisation",
            "Prevent training completion below 60% in some partner agencies.",
            "Vulnerable people are not referred to Channel; statutory Prevent duty not met.",
            "L, S", (3, 5),
            "WRAP training programme; Prevent co-ordinator attends partner team meetings.",
            (2, 4), (1, 4),
            [("Make Prevent e-learning mandatory for all frontline council staff", "RV", FurtherActionRag.Green, 3)],
            [(3, (3, 5), (2, 4), (1, 4), "New risk")]),
        new("R12", Strategic,
            "The London Crime Prevention Fund grant is reduced at the end of the current funding round",
            "MOPAC has signalled a review of the fund's allocation formula.",
            "Commissioned services (IDVA, IOM, youth diversion) cannot continue at current levels.",
            "E, P", (4, 5),
            "Early engagement with MOPAC; services prioritised against the strategic assessment.",
            (3, 4), (2, 4),
            [("Prepare an exit and prioritisation plan for each commissioned service", "AM", FurtherActionRag.Amber, 2),
             ("Respond to the MOPAC funding consultation", "KL", FurtherActionRag.Red, 0)],
            [(3, (4, 5), (2, 4), (2, 4), "Funding confirmed for the year"),
             (1, (4, 5), (2, 4), (2, 4), "Review of the formula announced")],
            ReviewDueInDays: -10, ChangedDaysAgo: 25),
        new("R13", "Strategic Group",
            "The annual strategic assessment is not completed in time for the strategy refresh",
            "Analyst post vacant for six months.",
            "Strategy priorities not evidence based.",
            "T", (3, 3),
            "Temporary analyst appointed.",
            (2, 2), (1, 2),
            [("Publish the strategic assessment", "AM", FurtherActionRag.Blue, -2)],
            [(4, (3, 3), (2, 2), (1, 2), "New risk")],
            ReviewDueInDays: null, Status: RiskStatus.Closed,
            ClosingNote: "Strategic assessment published and used for the Safer Bromley Strategy 2024–27."),
    ];

    public async Task SeedAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));
        // Reassessments are dated on the Strategic Group meetings of the sample cycle (the last about two
        // months ago, then quarterly before it), so that direction of travel "since the last meeting"
        // compares with the snapshot agreed at that meeting; changes since are dated after it.
        var cycle = StrategicGroupCycle.For(today);
        DateOnly Meeting(int ago) => cycle.MeetingsAgo(ago);
        var groups = await db.Groups.ToDictionaryAsync(g => g.ShortName, g => g.Id, cancellationToken);

        foreach (var seed in Seeds)
        {
            var first = seed.History[0];
            var risk = Risk.Create(Input(seed, groups[seed.Group], first.Gross, first.Net, first.Target, first.Note), "Amanda Mumford", Meeting(first.MeetingsAgo));
            foreach (var step in seed.History.Skip(1))
                risk.Reassess(Score(step.Gross)!.Value, Score(step.Net), Score(step.Target), step.Note, "Amanda Mumford", Meeting(step.MeetingsAgo));
            if (seed.ChangedDaysAgo is { } days)
                risk.Reassess(Score(seed.Gross)!.Value, Score(seed.Net), Score(seed.Target), "Reassessed by the sub-group lead", "Peter Sibley", today.AddDays(-days));
            else
                risk.Reassess(Score(seed.Gross)!.Value, Score(seed.Net), Score(seed.Target), null, "Amanda Mumford", Meeting(1));
            foreach (var (description, owner, rag, due) in seed.Actions)
                risk.AddFurtherAction(new FurtherActionInput(description, owner, rag, due is { } m ? UkDates.Short(today.AddMonths(m)) : null));
            if (seed.History.Any(h => h.MeetingsAgo == 1) || seed.Reference is "R1" or "R7" or "R10")
                risk.RecordReview(Meeting(1), "Reviewed by the Strategic Group.", seed.Reference == "R7" ? "Sub-group to bring a funding bid to the next meeting." : null, "Councillor Kate Lymer");
            risk.NextReviewDate = seed.ReviewDueInDays is { } due2 ? today.AddDays(due2) : null;
            db.Risks.Add(risk);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    static RiskScore? Score((int L, int S)? s) => s is { } v ? new RiskScore(v.L, v.S) : null;

    static RiskInput Input(Seed s, int groupId, (int L, int S) gross, (int L, int S)? net, (int L, int S)? target, string note) =>
        new(s.Reference, s.Title, s.Cause, s.Impact, Risk.SplitCategories(s.Categories), groupId,
            gross.L, gross.S, s.Controls, net?.L, net?.S, target?.L, target?.S, 3, null, s.Status, s.ClosingNote, note);
}
