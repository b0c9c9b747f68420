using Tracker.Domain.People;

namespace Tracker.App.Data.SampleData;

/// <summary>
/// The partners, people and groups of the Safer Bromley Partnership as named in the Strategic Group
/// papers of 2016–2024. Initials follow the minutes' action column (AM, RV, AR…); where two people
/// share initials a third letter tells them apart.
/// </summary>
public sealed class PeopleSampleData : ISampleData
{
    public int Order => 10;

    static readonly (string Code, string Name)[] Partners =
    [
        ("LBB", "London Borough of Bromley"),
        ("MPS", "Metropolitan Police Service"),
        ("LFB", "London Fire Brigade"),
        ("LAS", "London Ambulance Service"),
        ("NPS", "Probation Service"),
        ("ICB", "South East London Integrated Care Board (formerly Bromley CCG)"),
        ("SNB", "Safer Neighbourhood Board"),
        ("VCS", "Voluntary and community sector"),
        ("RSL", "Registered social landlords"),
        ("MOPAC", "Mayor's Office for Policing and Crime"),
    ];

    static readonly (string Name, string Initials, string Role, string Partner)[] People =
    [
        ("Councillor Kate Lymer", "KL", "Portfolio Holder for Public Protection and Enforcement (Chairman)", "LBB"),
        ("Nigel Davies", "ND", "Executive Director, Environmental Services (Vice-Chairman)", "LBB"),
        ("Janet Bailey", "JB", "Director of Children's Services", "LBB"),
        ("Sharon Baldwin", "SB", "Safer Neighbourhood Board Chairman", "SNB"),
        ("Anne Ball", "ABA", "Interim Community Safety Officer", "LBB"),
        ("Elaine Beadle", "EB", "Road Safety Manager", "LBB"),
        ("Lydia Bennett", "LB", "Group Manager, MASH Team", "LBB"),
        ("Sara Bowrey", "SBO", "Director of Housing", "LBB"),
        ("Justin Brett", "JBR", "Neighbourhood Investment Officer, Clarion", "RSL"),
        ("AJ Brooks", "AJB", "CRC Contracts Manager", "NPS"),
        ("Superintendent Colin Carswell", "CC", "Superintendent, Metropolitan Police", "MPS"),
        ("Rachel Dunley", "RD", "Head of Service for Early Intervention and Family Support", "LBB"),
        ("Terry Gooding", "TG", "Bromley Fire Commander", "LFB"),
        ("Bill Kelly", "BK", "Bromley Group Manager", "LAS"),
        ("Chief Inspector Craig Knight", "CK", "Chief Inspector, Metropolitan Police", "MPS"),
        ("Betty McDonald", "BM", "Head of Youth Offending Service", "LBB"),
        ("Amanda Mumford", "AM", "Community Safety Coordinator", "LBB"),
        ("Katie Nash", "KN", "Acting Head of Service, London Probation Service", "NPS"),
        ("Ene Odeh", "EO", "Bromley CCG", "ICB"),
        ("Philip Powell", "PP", "Stakeholder Engagement Manager", "LAS"),
        ("Andrew Rogers", "AR", "Communications Executive", "LBB"),
        ("Rebecca Saunders", "RS", "Bromley CCG", "ICB"),
        ("Lynn Sellwood", "LS", "Bromley Safeguarding Adults Board and Voluntary Sector Strategic Network", "VCS"),
        ("Peter Sibley", "PS", "ASB and Envirocrime Co-ordinator", "LBB"),
        ("Toby Smith", "TS", "Head of Street Enforcement", "LBB"),
        ("Lucien Spencer", "LSP", "CRC Area Manager", "NPS"),
        ("Joanne Stowell", "JS", "Assistant Director: Public Protection", "LBB"),
        ("David J Stringer", "DJS", "Tri-Borough Police Commander", "MPS"),
        ("David Tait", "DT", "Emergency Planning and Corporate Resilience Lead", "LBB"),
        ("Chloe Todd", "CT", "Consultant in Public Health", "LBB"),
        ("Rob Vale", "RV", "Trading Standards and Community Safety Manager", "LBB"),
        ("Steve Wood", "SW", "Democratic Services", "LBB"),
        ("Lisa Ramsell", "LR", "Senior Probation Officer", "NPS"),
        ("John Owen", "JO", "Station Commander", "LFB"),
        ("Penny Davies", "PD", "Interim Head of Quality Services Improvement, ECHS", "LBB"),
        ("Yvonne Harding", "YH", "YOS Group Manager", "LBB"),
        ("Beverley Brown", "BB", "Domestic Abuse and VAWG Lead", "LBB"),
        ("Samantha Evans", "SE", "Metropolitan Police", "MPS"),
        ("Ade Adetosoye", "AA", "Interim Chief Executive", "LBB"),
    ];

    // Sub-groups that report to the Strategic Group, with their leads (initials) as the source papers give
    // them: Domestic Abuse, Rachel Dunley; Offender Management, Rob Vale; Gangs, Lydia Bennett.
    static readonly (string Name, string Short, string[] Leads, string[] Members)[] SubGroups =
    [
        ("Domestic Abuse and VAWG Sub-Group", "Domestic Abuse and VAWG", ["RD"], ["BB", "CT", "KN"]),
        ("Offender Management (IOM) Sub-Group", "Offender Management", ["RV"], ["KN", "LR", "AJB", "CK"]),
        ("Youth Offending Service Sub-Group", "Youth Offending", ["BM"], ["YH", "RD"]),
        ("Gangs and Serious Youth Violence Sub-Group", "Gangs and Serious Youth Violence", ["LB"], ["CK", "BM", "AM"]),
        ("ASB and Envirocrime Sub-Group", "ASB and Envirocrime", ["PS"], ["TS", "JBR", "CC"]),
        ("Prevent Sub-Group", "Prevent", ["RV"], ["AM", "JS"]),
    ];

    public async Task SeedAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var partners = Partners.ToDictionary(p => p.Code, p => new Partner { Code = p.Code, Name = p.Name });
        db.Partners.AddRange(partners.Values);

        var people = People.ToDictionary(p => p.Initials, p => new Person
        {
            Name = p.Name, Initials = p.Initials, RoleTitle = p.Role, Partner = partners[p.Partner],
        });
        db.People.AddRange(people.Values);

        var strategic = new Group { Name = "Safer Bromley Partnership Strategic Group", ShortName = "Strategic Group", Kind = GroupKind.StrategicGroup };
        strategic.AddMember(people["KL"], isLead: true);
        strategic.AddMember(people["ND"], isLead: true);
        foreach (var person in people.Values.Where(p => p.Initials is not ("KL" or "ND")))
            strategic.AddMember(person, isLead: false);
        db.Groups.Add(strategic);

        foreach (var (name, shortName, leads, members) in SubGroups)
        {
            var group = new Group { Name = name, ShortName = shortName, Kind = GroupKind.SubGroup, ParentGroup = strategic };
            foreach (var lead in leads) group.AddMember(people[lead], isLead: true);
            foreach (var member in members) group.AddMember(people[member], isLead: false);
            db.Groups.Add(group);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
