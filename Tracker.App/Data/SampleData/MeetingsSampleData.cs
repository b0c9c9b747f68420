using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;

namespace Tracker.App.Data.SampleData;

/// <summary>
/// Strategic Group meetings from the published papers: 27 June and 15 September 2016 with the matters
/// arising report of 8 December 2016; 14 March 2019 (minutes 57–75) with the Matters Outstanding report
/// and sub-group reports of 20 June 2019; the 2024 forward plan. Where the papers disagree the minutes
/// win: the 2019 report calls the IOM item "68b", but the minutes number it 68a (68b is the YOS item),
/// and a matter takes its number from the minute that raised it.
/// Then the current cycle (<see cref="StrategicGroupCycle"/>, relative to today): the meeting held
/// about two months ago with its minutes and matters arising, and the next, scheduled about three
/// weeks ahead with the standard agenda.
/// </summary>
public sealed class MeetingsSampleData(TimeProvider clock) : ISampleData
{
    public int Order => 40;

    // Owners the minutes name who are not among the people already seeded.
    static readonly (string Name, string Initials, string Role, string Partner)[] ExtraPeople =
    [
        ("Trevor Lawry", "TL", "Police Deputy Borough Commander", "MPS"),
        ("Victoria Roberts", "VR", "Interim DV and VAWG Commissioner", "LBB"),
        ("Dan Jones", "DJ", "Assistant Director Street Scene, Green Space and Public Protection", "LBB"),
        ("Colin Newman", "CN", "Head of Community Safety", "LBB"),
        ("Pratheepan Jeyapragasam", "PJ", "Crime Analyst", "LBB"),
    ];

    const string CivicCentre = "Committee Room 1 - Bromley Civic Centre";

    TrackerDbContext _db = null!;
    Dictionary<string, Person> _people = [];

    public async Task SeedAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        _db = db;
        var partners = await db.Partners.ToDictionaryAsync(p => p.Code, cancellationToken);
        _people = await db.People.ToDictionaryAsync(p => p.Initials, cancellationToken);
        foreach (var (name, initials, role, partner) in ExtraPeople)
        {
            if (_people.ContainsKey(initials)) continue;
            var person = new Person { Name = name, Initials = initials, RoleTitle = role, Partner = partners.GetValueOrDefault(partner) };
            db.People.Add(person);
            _people[initials] = person;
        }
        var strategic = await db.Groups.SingleAsync(g => g.Kind == GroupKind.StrategicGroup, cancellationToken);
        var subGroups = await db.Groups.Where(g => g.Kind == GroupKind.SubGroup).ToDictionaryAsync(g => g.ShortName, cancellationToken);

        SeedStandingItems(strategic);
        Seed2016(strategic);
        Seed2019(strategic, subGroups);
        Seed2024(strategic);
        SeedCurrentCycle(strategic, subGroups, StrategicGroupCycle.For(DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()))));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The Strategic Group's standing items: 003 minute 110 made the MOPAC and LAS updates standing items.</summary>
    void SeedStandingItems(Group strategic)
    {
        (string Title, string Presenter)[] items =
        [
            ("Chairman's update", "Councillor Kate Lymer"), ("Police update", "Superintendent Colin Carswell"),
            ("MOPAC update", ""), ("Update from London Ambulance Service", "Bill Kelly"), ("Safer Neighbourhood Board update", "Sharon Baldwin"),
        ];
        var order = 1;
        foreach (var (title, presenter) in items)
            _db.StandingItems.Add(StandingItem.For(strategic.Id, order++, new StandingItemInput(title, presenter)));
    }

    Meeting NewMeeting(Group group, DateOnly date, TimeOnly time, MeetingStatus status, int series, string venue = CivicCentre)
    {
        var meeting = Meeting.Schedule(group, date, time, venue);
        meeting.Status = status;
        meeting.MinuteSeries = series;
        _db.Meetings.Add(meeting);
        return meeting;
    }

    MinuteItem Item(Meeting meeting, string number, string title, string text = "")
    {
        var item = MinuteItem.Record(meeting, MinuteNumber.Parse(number), title, text);
        _db.MinuteItems.Add(item);
        return item;
    }

    MatterArising? Resolve(MinuteItem item, string text, string owners = "", bool needsAction = false, string? title = null)
    {
        var known = _people.Values.Select(p => new KnownPerson(p.Id, p.Initials, p.Name)).ToList();
        var parsed = owners.Length == 0 ? new OwnerParseResult([], null) : ActionOwners.Parse(owners, known);
        if (!parsed.Succeeded) throw new InvalidOperationException(parsed.Error);
        var (_, matter) = item.Resolve(text, parsed, needsAction);
        if (matter is null) return null;
        if (title is not null) matter.Title = title;
        _db.MattersArising.Add(matter);
        return matter;
    }

    static void Update(MatterArising? matter, string text, string author, DateOnly on)
    {
        var update = matter!.AddUpdate(text, author, on, new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        _ = update;
    }

    void Attend(Meeting meeting, AttendanceKind kind, string name, string? initials = null, string? substituteFor = null) =>
        meeting.AddAttendance(kind, name, initials is null ? null : _people.GetValueOrDefault(initials), substituteFor);

    void Seed2016(Group strategic)
    {
        var june = NewMeeting(strategic, new DateOnly(2016, 6, 27), new TimeOnly(10, 0), MeetingStatus.MinutesApproved, 1);
        var m85 = Item(june, "85", "Matters Arising");
        var prevent = Resolve(m85, "The Group noted that an Action Plan for Prevent was being developed; it was anticipated that this would be signed off shortly.", "DJ", true);
        var bcu = Resolve(m85, "The Police were still waiting for an update from the new London Mayor concerning the possibility of moving to a new BCU Command Structure", "TL", true);

        var sept = NewMeeting(strategic, new DateOnly(2016, 9, 15), new TimeOnly(10, 0), MeetingStatus.MinutesApproved, 1);
        Attend(sept, AttendanceKind.Present, "Trevor Lawry (Police Deputy Borough Commander) (Chairman)", "TL");
        Attend(sept, AttendanceKind.Present, "Councillor Kate Lymer (Portfolio Holder for Public Protection and Safety)", "KL");
        Attend(sept, AttendanceKind.Present, "Councillor Tim Stevens (Chairman, Safer Neighbourhood Board)");
        Attend(sept, AttendanceKind.Present, "Jane Bailey (Education, Care and Health Services)");
        Attend(sept, AttendanceKind.Present, "Sally Cartwright (Borough Commander, Fire Services)");
        Attend(sept, AttendanceKind.Present, "Dan Jones (LBB Assistant Director Street Scene, Green Space and Public Protection)", "DJ");
        Attend(sept, AttendanceKind.Present, "Victoria Roberts (Interim DV and VAWG Commissioner)", "VR");
        Attend(sept, AttendanceKind.Present, "Barbara Godfrey (Oxleas NHS Foundation Trust)");
        Attend(sept, AttendanceKind.Present, "Bridget Doherty (Victim Support Area Manager)");
        Attend(sept, AttendanceKind.AlsoPresent, "Conal Percy (London Ambulance Service)", substituteFor: "Colin Powell");
        Attend(sept, AttendanceKind.AlsoPresent, "Kate Frail (Victim Support)");
        Attend(sept, AttendanceKind.AlsoPresent, "Amanda Mumford (LBB Community Safety Co-ordinator)", "AM");
        Attend(sept, AttendanceKind.Apologies, "The Borough Commander");
        Attend(sept, AttendanceKind.Apologies, "The Executive Director of Environmental and Community Services");
        Attend(sept, AttendanceKind.Apologies, "The Head of Trading Standards and Community Safety", "RV");
        Attend(sept, AttendanceKind.Apologies, "The LBB Assistant Director for Housing Needs");
        Attend(sept, AttendanceKind.Apologies, "Terry Belcher");
        Attend(sept, AttendanceKind.Apologies, "Anne Ball (MOPAC)", "ABA");
        Attend(sept, AttendanceKind.Apologies, "Laurie Grasty");
        Attend(sept, AttendanceKind.Apologies, "Colin Powell (London Ambulance Service)");

        Item(sept, "101", "Apologies for absence", "Apologies were received from the Borough Commander, and from the Executive Director of Environmental and Community Services. Apologies were also received from Colin Powell from the London Ambulance Service; Conal Percy attended as substitute.");
        Item(sept, "102", "Minutes of the meeting held on 27th June 2016", "With this adjustment the minutes were agreed as a correct record.");
        Item(sept, "103", "Matters Arising", "The Group noted the Matters Arising report. It was confirmed that an IOM Co-ordinator had now been appointed.");
        Item(sept, "104", "Questions from Councillors or Members of the Public", "No questions were received.");
        Resolve(Item(sept, "105", "Chairman's Update", "The Chairman's update was provided by the Deputy Borough Police Commander, Superintendent Trevor Lawry."),
            "RESOLVED that the Chairman's update be noted.");
        Item(sept, "106", "Safer Neighbourhood Board Update", "The Safer Neighbourhood Board update was provided jointly by Cllr Kate Lymer and Cllr Tim Stevens.");
        var m107 = Item(sept, "107", "SBP Strategic Assessment Document", "The update concerning this was provided by Amanda Mumford.");
        var sa1 = Resolve(m107, "RESOLVED that the SBP Strategic Assessment Strategy Document be finalised, presented to the SBP, and published.", "AM/AR", true);
        var sa2 = Resolve(m107, "It was also RESOLVED that the main medium for publication would be online, but that some hard copies would need to be placed in public places like libraries.", "AM/AR", true);
        Item(sept, "108", "Reports from Sub-Groups");
        var van = Resolve(Item(sept, "108a", "Domestic Abuse Sub Group Update", "A report on domestic violence and violence against women and girls was presented by Victoria Roberts, the Interim DV and VAWG Commissioner."),
            "RESOLVED that the Domestic Abuse Sub Group update be noted, and that an update on the Safer Bromley Van be provided at the next meeting.", "VR", true);
        var iom = Resolve(Item(sept, "108b", "Offender Management Sub Group Update", "The LBB Assistant Director for Public Protection had been appointed as the Chair of the IOM Board."),
            "RESOLVED that the minutes of the next meeting of the IOM sub group be provided to the SBP.", "DJ", true);
        Item(sept, "108c", "Youth Offending Service and Gangs Sub Group Update", "The Youth Offending Service and Gangs update was provided by Jane Bailey, LBB Director for Education.");
        Item(sept, "108d", "Prevent Sub Group Update", "The Prevent Action Plan would be presented to the Corporate Leadership Team on September 20th.");
        var m108e = Item(sept, "108e", "ASB and Envirocrime Sub Group update", "When the sub-group updates were completed, the Chairman identified the following actions for resolution.");
        var leads1 = Resolve(m108e, "RESOLVED that (1) Sub-group Leads should draw up meeting dates for the next year", "Leads", true);
        var leads2 = Resolve(m108e, "(2) The sub-group Leads should draw up Action Plans for the next 3 years, and have these ready to present to the SBP at the next meeting in December", "Leads", true);
        var leads3 = Resolve(m108e, "(3) A standard report template should exist for sub groups to use", "Leads", true);
        var template = Resolve(m108e, "(4) The Chairman offered to draft the report template", "TL", true);
        Item(sept, "109", "Communications Update", "No one was in attendance to provide the Communications update.");
        var mopac = Resolve(Item(sept, "110", "AOB", "Anne Ball from MOPAC provided a written update beforehand and this was read and noted by the Group."),
            "RESOLVED that the MOPAC update be noted, and that MOPAC and LAS updates be incorporated into future agendas as standing items.", "SW", true);
        Item(sept, "111", "Date and time of next meeting", "The date of the next meeting was confirmed as 8th December 2016.");

        // The Matters Arising report for 8 December 2016 (report CSD 16182), dated with the agenda.
        var dec = NewMeeting(strategic, new DateOnly(2016, 12, 8), new TimeOnly(10, 0), MeetingStatus.PapersPublished, 1);
        string[] agenda = ["Apologies for absence", "Minutes of the previous meeting", "Matters arising", "Questions from Councillors or members of the public",
            "Chairman's update", "Safer Neighbourhood Board update", "MOPAC update: London Crime Prevention Fund 2017-2021", "Community Rehabilitation Company presentation",
            "Update from the London Ambulance Service", "Reports from sub-groups", "Communications update", "Information items", "Any other business", "Date and time of next meeting"];
        for (var i = 0; i < agenda.Length; i++)
            dec.AddAgendaItem((i + 1).ToString(), agenda[i], paperLink: i == 2 ? "/meetings/{meeting}/matters-arising" : null);
        var papers = new DateOnly(2016, 11, 29);
        Update(prevent, "An update on the Prevent Action was provided at the meeting on 15th September. The Plan was presented for review to the LBB Corporate Leadership Team on September 20th. A further update will be provided at the meeting on 8th December.", "Steve Wood", papers);
        Update(bcu, "The Borough Commander will provide an update at the meeting on December 8th.", "Steve Wood", papers);
        Update(sa1, "This was noted as an action for Amanda Mumford and Andrew Rogers. Update to follow.", "Steve Wood", papers);
        Update(sa2, "This was noted as an action for Amanda Mumford and Andrew Rogers. Update to follow.", "Steve Wood", papers);
        Update(van, "This was noted as an update to be provided by Victoria Roberts. Update to follow.", "Steve Wood", papers);
        Update(iom, "Noted as an action for Dan Jones. Minutes will be provided in due course", "Steve Wood", papers);
        foreach (var lead in new[] { leads1, leads2, leads3 })
            Update(lead, "Sub Group Leads will update the Group at the December meeting.", "Steve Wood", papers);
        Update(template, "The Chairman referred to in the context of these minutes (and so drafting the template) was the Deputy Borough Commander—Trevor Lawry.", "Steve Wood", papers);
        Update(mopac, "Updates have been incorporated into the agenda", "Steve Wood", papers);
        foreach (var matter in new[] { prevent, bcu }) matter!.Title = "Matters Arising";

        // The papers of 2017 and 2018 are not in the sample: close the 2016 matters at the next meeting
        // (9 March 2017, as the agenda gives it) so that they do not carry forward into 2019.
        foreach (var matter in new[] { prevent, bcu, sa1, sa2, van, iom, leads1, leads2, leads3, template, mopac })
            matter!.TryClose("Closed at the meeting of 9 March 2017 (those papers are not in the sample data).", "Steve Wood", new DateOnly(2017, 3, 9));
        sa1!.Title = sa2!.Title = "SBP Strategic Assessment Document";
    }

    void Seed2019(Group strategic, Dictionary<string, Group> subGroups)
    {
        // Minute numbering restarted for the 2018/19 municipal year: a new series.
        var march = NewMeeting(strategic, new DateOnly(2019, 3, 14), new TimeOnly(12, 0), MeetingStatus.MinutesApproved, 2, "Bromley Civic Centre");
        Attend(march, AttendanceKind.Present, "Councillor Kate Lymer (Portfolio Holder for Public Protection and Enforcement) (Chairman)", "KL");
        foreach (var (name, initials) in new[]
                 {
                     ("Sharon Baldwin (Safer Neighbourhood Board Chairman)", "SB"), ("Anne Ball (LBB Interim Community Safety Officer)", "ABA"),
                     ("Lydia Bennett (LBB Group Manager, MASH Team)", "LB"), ("Rachel Dunley (LBB Head of Service for Early Intervention and Family Support)", "RD"),
                     ("Philip Powell (LAS Stakeholder Engagement Manager)", "PP"), ("Lynn Sellwood (Bromley Safeguarding Adults Board and Voluntary Sector Strategic Network)", "LS"),
                     ("Peter Sibley (LBB ASB and Envirocrime Co-ordinator)", "PS"), ("Toby Smith (LBB Head of Street Enforcement)", "TS"),
                     ("Joanne Stowell (LBB Assistant Director: Public Protection)", "JS"), ("David J Stringer (MET Tri-Borough Police Commander)", "DJS"),
                     ("David Tait (LBB Emergency Planning and Corporate Resilience Lead)", "DT"), ("Chloe Todd (LBB Consultant in Public Health)", "CT"),
                     ("Colin Carswell (MET Police Superintendent)", "CC"), ("Bill Kelly (LAS Bromley Group Manager)", "BK"),
                 })
            Attend(march, AttendanceKind.Present, name, initials);
        Attend(march, AttendanceKind.AlsoPresent, "Councillor Kathy Bance, MBE");
        Attend(march, AttendanceKind.AlsoPresent, "Clare Lewin (Bromley CCG)");
        Attend(march, AttendanceKind.AlsoPresent, "Rose Cree (Bromley Changes)");
        Attend(march, AttendanceKind.AlsoPresent, "John Owen (LFB)", "JO", "Terry Gooding");
        Attend(march, AttendanceKind.AlsoPresent, "Michael Still (CRC, South East Interventions Manager)", substituteFor: "AJ Brooks and Lucien Spencer");
        Attend(march, AttendanceKind.AlsoPresent, "Councillor Angela Wilkins");
        Attend(march, AttendanceKind.AlsoPresent, "Paul Sibun (Bromley CCG)");
        Attend(march, AttendanceKind.AlsoPresent, "Penny Davies (LBB Interim Head of Quality Services Improvement, ECHS)", "PD", "Janet Bailey");
        Attend(march, AttendanceKind.AlsoPresent, "Lisa Ramsell (Senior Probation Officer)", "LR", "Katie Nash");
        Attend(march, AttendanceKind.AlsoPresent, "Sarah Baker (Business Continuity Officer)");
        Attend(march, AttendanceKind.AlsoPresent, "Yvonne Harding (LBB YOS Group Manager)", "YH", "Beverley Brown");
        Attend(march, AttendanceKind.AlsoPresent, "Steve Wood (LBB Democratic Services)", "SW");
        foreach (var (name, initials) in new[]
                 {
                     ("Ade Adetosoye (Interim Chief Executive)", "AA"), ("Katie Nash", "KN"), ("Samantha Evans", "SE"), ("Nigel Davies", "ND"),
                     ("Rob Vale", "RV"), ("Terry Gooding", "TG"), ("Janet Bailey", "JB"), ("Beverley Brown", "BB"), ("AJ Brooks", "AJB"), ("Lucien Spencer", "LSP"),
                 })
            Attend(march, AttendanceKind.Apologies, name, initials);

        Item(march, "57", "Apologies for absence", "Apologies were received from Katie Nash, and Lisa Ramsell attended as her substitute. Apologies were received from Terry Gooding and John Owen attended as his substitute. Penny Davies attended as substitute for Janet Bailey. Beverley Brown sent apologies and Yvonne Harding attended as her substitute. Michael Still attended as substitute for AJ Brooks and Lucien Spencer.");
        Item(march, "58", "Minutes of the previous meeting held on 29th November 2018", "The minutes were agreed and signed as a correct record.");
        Resolve(Item(march, "59", "Matters Arising", "The Group noted the matter that had arisen regarding Lucien Spencer being invited to future meetings of the Knife Crime and Serious Violence Action Plan Working Group."),
            "RESOLVED that the Matters Arising report is noted.");
        Item(march, "60", "Questions from Councillors or Members of the Public", "No questions had been received.");
        Resolve(Item(march, "61", "Chairman's Update", "Councillor Kate Lymer provided the Chairman's update."), "RESOLVED that the Chairman's update is noted.");
        Item(march, "62", "Prevent Update", "Mr Rob Vale was unable to attend to provide the Prevent Update. The Chairman suggested that a Prevent Update was not necessary at every meeting and it should be changed to an Annual Update.");
        Resolve(Item(march, "63", "Police Update", "The Police update was provided by Chief Superintendent Dave Stringer (South Area BCU Commander)."), "RESOLVED that the police update is noted.");
        var locality = Resolve(Item(march, "64", "Update on the Home Office Locality Review Report on Serious Violence and Gangs in Bromley",
                "The Locality Review update was provided by Amanda Mumford. Following the Review, a round table meeting was chaired by the Chief Executive in February 2019."),
            "RESOLVED that the update is noted and a further update is provided at the next meeting.", "AM/RV", true, "Home Office Locality Review Report");
        var m65 = Item(march, "65", "Update on the development of the Safer Bromley Strategy and Strategic Crime Assessment",
            "The Partnership was informed that Ms Ball had been working hard on the Strategic Assessment, which had been distributed across the Partnership.");
        var feedback = Resolve(m65, "RESOLVED that SBP partners provide feedback into the development of the Safer Bromley Strategy.", "SBP", true, "Safer Bromley Strategy and Strategic Crime Assessment");
        var hate = Resolve(m65, "RESOLVED that Hate Crime be incorporated into the Strategy.", "AM/RV", true, "Safer Bromley Strategy and Strategic Crime Assessment");
        Resolve(m65, "RESOLVED that the SBP agree the two new local crime priorities for submission to MOPAC.", "SBP");
        Resolve(Item(march, "66", "Resilience and Business Continuity Update", "The Resilience and Business Continuity update was provided by LBB's Lead for Resilience, Mr David Tait."),
            "RESOLVED that the Business Continuity and Resilience update is noted.");
        Item(march, "67", "Reports from Sub-Groups");
        Resolve(Item(march, "68", "Domestic Abuse Sub Group Update", "The VAWG (Violence against Women and Girls) update was provided by Rachel Dunley."),
            "RESOLVED that the Domestic Abuse Sub-Group update is noted.");
        var m68a = Item(march, "68a", "Offender Management Sub Group Update", "The IOM (Integrated Offender Management) update was provided by Amanda Mumford, Community Safety Officer.");
        var iomBoard = Resolve(m68a, "RESOLVED that the SBP review the current IOM situation, and re-establish the IOM Board.", "SBP", true, "IOM Sub-Group Update");
        var iomPanel = Resolve(m68a, "RESOLVED that the SBP consider expanding the IOM Panel to include representatives from officers dealing with gangs and serious youth violence.", "SBP", true, "IOM Sub-Group Update");
        Resolve(Item(march, "68b", "Youth Offending Service Sub Group Update", "Yvonne Davey (acting as the substitute for Betty Macdonald) gave the YOS update."), "RESOLVED that the YOS update is noted.");
        Resolve(Item(march, "68c", "Gangs Sub Group Update", "A short report had been received which had been allocated to the agenda."), "RESOLVED that the Gangs Sub-Group update is noted.");
        Resolve(Item(march, "69", "ASB and Envirocrime Sub-Group Update", "The ASB and Envirocrime Update was provided by Mr Peter Sibley, LBB's ASB Co-ordinator."),
            "RESOLVED that the update on ASB and Envirocrime is noted.");
        var las = Resolve(Item(march, "70", "Update from London Ambulance Service", "Mr Bill Kelly and Mr Philip Powell attended and updated on behalf of the London Ambulance Service."),
            "RESOLVED that the LAS update is noted and that Mr Kelly send out details of the Vulnerable Persons' Vehicle to Paul Sibun and Lynn Sellwood.", "BK", true, "LAS Update");
        Resolve(Item(march, "71", "Update from the Safer Neighbourhood Board", "The SNB update was provided by the SNB Chairman, Sharon Baldwin."), "RESOLVED that the SNB update is noted.");
        Resolve(Item(march, "72", "MOPAC Update", "MOPAC had now confirmed funding for the four projects run by LBB until March 2021."),
            "RESOLVED that the SBP acknowledge the conditional offer for each proposal relating to VAWG, Mentoring, ASB and Reducing Re-Offending.", "SBP");
        Item(march, "73", "Communications Briefing", "Mr Andrew Rogers was not in attendance to provide a communications briefing.");
        var m74 = Item(march, "74", "Any Other Business", "The Group heard that the NPS were required to vacate their current premises in Orpington on 5th April.");
        var probation = Resolve(m74, "RESOLVED that Ms Baldwin would contact Katie Nash from NPS to discuss alternative office accommodation for the Probation Service.", "SB", true, "AOB");
        Resolve(m74, "RESOLVED that updates on the Knife and Serious Violence Action Plan would be provided at future meetings until further notice.", "AM/RV");
        Item(march, "75", "Date and time of next meeting", "The date of the next meeting was confirmed as Thursday, June 20th at 10.00am at Bromley Civic Centre.");

        // 20 June 2019: agenda published 11 June, Matters Outstanding report CSD19092.
        var june = NewMeeting(strategic, new DateOnly(2019, 6, 20), new TimeOnly(10, 0), MeetingStatus.PapersPublished, 2);
        (string Number, string Title, string? Link)[] agenda =
        [
            ("1", "Apologies for absence", null), ("2", "Minutes of the previous meeting held on 14th March 2019", "/meetings/{previous}/minutes"),
            ("3", "Matters outstanding", "/meetings/{meeting}/matters-arising"), ("4", "Questions received from Councillors or members of the public", null),
            ("5", "Chairman's update", null), ("6", "Police update", null), ("7", "Reports from sub-groups", null),
            ("7a", "Domestic Abuse Sub Group update", null), ("7b", "Offender Management Sub Group update", null),
            ("7c", "Youth Offending Service Sub Group update", null), ("7d", "Gangs Sub Group update", null),
            ("7e", "ASB and Envirocrime Sub-Group update", null), ("8", "Knife Crime and Serious Violence Action Plan", "/actions/report"),
            ("9", "Developing the Safer Bromley Strategy update", null), ("10", "Resilience update", "/risks"),
            ("11", "Update from London Ambulance Service", null), ("12", "MOPAC update", null), ("13", "Safer Neighbourhood Board update", null),
            ("14", "Communications update", null), ("15", "Any other business", null), ("16", "Date and time of next meeting", null),
        ];
        foreach (var (number, title, link) in agenda) june.AddAgendaItem(number, title, paperLink: link);

        var published = new DateOnly(2019, 6, 11);
        Update(locality, "The item will be updated upon by Betty McDonald when the Knife Crime and Serious Violence Action Plan is discussed by Community Safety.", "Steve Wood", published);
        Update(feedback, "No further feedback was received.", "Steve Wood", published);
        Update(hate, "Hate Crime has been incorporated into the Strategy.", "Steve Wood", published);
        const string iomText = "Community Safety met with the CRC to discuss the intention to re-establish the IOM strategic level meeting. Prior to this, the meeting was only taking place at an operational level. Community Safety will be seeking guidance from the Chairman of the SBP on priorities to underpin this work. So in summary, it's still a work in progress.";
        Update(iomBoard, iomText, "Steve Wood", published);
        Update(iomPanel, iomText, "Steve Wood", published);
        Update(las, "The update has been disseminated via the Committee Clerk and so this matter is now closed.", "Steve Wood", published);
        las!.TryClose("Details of the Vulnerable Persons' Vehicle were disseminated via the Committee Clerk.", "Steve Wood", published);
        Update(probation, "Contact was made as per the resolution. However, the Probation Service is not re-locating as the MoJ have agreed funding to refurbish the existing premises.", "Steve Wood", published);

        var last = march.Date;
        void Report(string subGroup, DateOnly filed, string author, string operational, string strategic = "", string actionPlan = "", string action = "")
        {
            var report = new SubGroupReport { Meeting = june, SubGroup = subGroups[subGroup], Author = author };
            report.File(new SubGroupReportInput(operational, strategic, actionPlan, action), author, filed, june.PapersDeadline, last);
            _db.SubGroupReports.Add(report);
        }
        Report("Domestic Abuse and VAWG", new DateOnly(2019, 6, 10), "Rachel Dunley",
            "The DVA VAWG services contract: the existing contract had an option to extend for 1 year which was exercised. The contract with BCWA was successfully extended to 31 March 2020. Work has commenced on the re-procurement of the DVA VAWG contract. An offer of employment has been made in respect of the DVA VAWG Coordinator post.");
        Report("Offender Management", new DateOnly(2019, 6, 5), "Rob Vale",
            "Current staffing with the Met IOM team in line with the new BCU system: two Sergeants based out of Croydon covering all areas, six IOM police officers based in Croydon, one based at Bromley (part time) and one at Sutton (part time). The IOM Cohort currently comprises 43 nominals (Red 18, Amber 4, Green 0, Blue 21).",
            "An announcement was made on 16th May confirming that the privatised element of the Probation Service was due to be renationalised. Concerns have been raised regarding the involvement and support of BDAS within the remit of IOM and reducing reoffending; meetings are taking place with commissioners to resolve this.");
        Report("Youth Offending", new DateOnly(2019, 6, 11), "Betty McDonald",
            "The principal aim of the YOS is to prevent offending by children and young people aged 10 to 17 involved in the criminal justice system. We have recently introduced a Prevention support programme for young people at risk of offending, and developed a Liaison and Diversion scheme funded by NHS England.");
        Report("Gangs and Serious Youth Violence", new DateOnly(2019, 6, 10), "Lydia Bennett",
            "All children and young people known to be gang affiliated or at risk of gang affiliation are tracked through the multi-agency Missing, Exploitation and Gang Affiliation (MEGA) panel fortnightly. 69 children and young people were assessed for gang affiliation concerns during 2018/19.");
        Report("ASB and Envirocrime", new DateOnly(2019, 6, 12), "Peter Sibley",
            "Since the last detailed report in October, seven further operations have taken place in the MOPAC areas: 42 visits to high profile ASB and crime offenders, 17 warrants, 33 weapon sweeps, 2 weapons recovered, 94 offences around travel hubs, 14 arrests and 132 further fire safety visits and installations.",
            "Considerable work has been put into reducing arson within the four areas, in particular Cray Valley East: a 34% reduction in Cray Valley East since 2016/17. ASB reports went up in 2018/19 by 1.",
            "The plan is being delivered despite pressure on resources. Areas to be looked at in the next few months are ASB, housing fraud, vulnerable persons visits, joint working on fly-tipping and arson reduction.",
            "To ensure that the operations are properly resourced. This is a major opportunity for partners to work together on targeted work.");
    }

    void Seed2024(Group strategic)
    {
        (DateOnly Date, MeetingStatus Status, string[] Items, string[] Presentations)[] plan =
        [
            (new DateOnly(2024, 2, 29), MeetingStatus.Held,
                ["SBP Strategy Q3 23/24 Update", "Crime Update", "Draft SBP Strategy 24-27", "Safer Neighbourhood Board Update"],
                ["Community Impact Days", "Domestic Abuse Strategy", "PSPO Extension"]),
            (new DateOnly(2024, 5, 23), MeetingStatus.Scheduled,
                ["SBP Strategy Q4 23/24 Update", "Crime Update", "Safer Neighbourhood Board Update", "Update from Inter-Board Chairs Panel"],
                ["Domestic Abuse Protection Notices and Orders (DAPN/DAPO)"]),
            (new DateOnly(2024, 9, 12), MeetingStatus.Scheduled,
                ["SBP Strategy 24-27 - Q1 24/25 Delivery Report", "Crime Update", "Safer Neighbourhood Board Update", "Update from Inter-Board Chairs Panel"],
                []),
        ];
        foreach (var (date, status, items, presentations) in plan)
        {
            // A new partnership structure and strategy from 2024: its minutes start a new series.
            var meeting = NewMeeting(strategic, date, new TimeOnly(10, 0), status, 3, "Bromley Civic Centre");
            var n = 1;
            foreach (var item in items)
                meeting.AddAgendaItem((n++).ToString(), item, paperLink: item.StartsWith("SBP Strategy") ? "/actions/report" : null);
            foreach (var item in presentations) meeting.AddAgendaItem((n++).ToString(), item, kind: AgendaItemKind.Presentation);
        }
    }

    void SeedCurrentCycle(Group strategic, Dictionary<string, Group> subGroups, StrategicGroupCycle cycle)
    {
        // The 2026/27 municipal year: minute numbering restarts at 1, a new series.
        var last = NewMeeting(strategic, cycle.Last, new TimeOnly(10, 0), MeetingStatus.Held, 4, "Bromley Civic Centre");
        last.MinutesStartAt = 1;
        AddStandardAgenda(last);
        Attend(last, AttendanceKind.Present, "Councillor Kate Lymer (Portfolio Holder for Public Protection and Enforcement) (Chairman)", "KL");
        foreach (var (name, initials) in new[]
                 {
                     ("Amanda Mumford (LBB Community Safety Co-ordinator)", "AM"), ("Peter Sibley (LBB ASB and Envirocrime Co-ordinator)", "PS"),
                     ("Colin Carswell (MET Police Superintendent)", "CC"), ("Toby Smith (LBB Head of Street Enforcement)", "TS"),
                     ("Joanne Stowell (LBB Assistant Director: Public Protection)", "JS"), ("Sharon Baldwin (Safer Neighbourhood Board Chairman)", "SB"),
                 })
            Attend(last, AttendanceKind.Present, name, initials);
        Attend(last, AttendanceKind.AlsoPresent, "Steve Wood (LBB Democratic Services)", "SW");
        Attend(last, AttendanceKind.Apologies, "Beverley Brown", "BB");

        Item(last, "1", "Apologies for absence", "Apologies were received from Beverley Brown.");
        Item(last, "2", "Minutes of the previous meeting", "The minutes were agreed and signed as a correct record.");
        Resolve(Item(last, "3", "Matters Arising", "The Group noted the matters arising report."), "RESOLVED that the Matters Arising report is noted.");
        var strategy = Item(last, "4", "SBP Strategy quarterly update", "Amanda Mumford presented the quarterly progress report. Most actions are Green; the PSPO extension and domestic abuse advocacy capacity are Amber.");
        var pspoPlan = Resolve(strategy, "RESOLVED that the leads of actions rated Amber bring recovery plans to the next meeting.", "PS/AM", true, "SBP Strategy quarterly update");
        var crime = Item(last, "5", "Crime update", "Superintendent Colin Carswell presented the crime update. Knife crime is down on the previous rolling year; residential burglary has risen over the summer.");
        var wards = Resolve(crime, "RESOLVED that the Police provide a breakdown of residential burglary by ward at the next meeting.", "CC", true, "Crime update");
        Item(last, "6", "Reports from Sub-Groups");
        var asb = Item(last, "6a", "ASB and Envirocrime Sub-Group update", "Peter Sibley reported on the Community Impact Days and the consultation on extending the Public Spaces Protection Order.");
        var pspo = Resolve(asb, "RESOLVED that the ASB and Envirocrime Sub-Group report the outcome of the PSPO consultation at the next meeting.", "PS", true, "ASB and Envirocrime Sub-Group update");
        var flyTipping = Resolve(asb, "RESOLVED that the sub-group share the fly-tipping hotspot map with all partners.", "PS/TS", true, "ASB and Envirocrime Sub-Group update");
        var risks = Item(last, "7", "Risk register", "The Chairman led the review of the risk register. Demand for domestic abuse advocacy and the London Crime Prevention Fund review were discussed.");
        var reassess = Resolve(risks, "RESOLVED that the owners of R7 and R12 bring revised assessments to the next meeting.", "AM/BB", true, "Risk register");
        Item(last, "8", "Date and time of next meeting", $"The date of the next meeting was confirmed as {UkDates.Long(cycle.Next)} at 10.00am at Bromley Civic Centre.");

        // Updates since: the demo lead has updated one of his matters, the clerk others; one is closed.
        var today = cycle.Today;
        Update(pspo, "The consultation closed with 212 responses, 81% in favour of the extension. The report to the Portfolio Holder is being drafted.", "Peter Sibley", today.AddDays(-12));
        Update(flyTipping, "The hotspot map was circulated to all partners by the Community Safety team.", "Amanda Mumford", cycle.Last.AddDays(14));
        flyTipping!.TryClose("The hotspot map was shared with all partners.", "Amanda Mumford", cycle.Last.AddDays(14));
        Update(wards, "The Police will present the ward breakdown with the crime update.", "Steve Wood", today.AddDays(-5));
        Update(reassess, "R12 has been reassessed following the announcement of the funding review.", "Amanda Mumford", today.AddDays(-25));
        _ = pspoPlan;

        var next = NewMeeting(strategic, cycle.Next, new TimeOnly(10, 0), MeetingStatus.Scheduled, 4, "Bromley Civic Centre");
        AddStandardAgenda(next);
        // The demo lead has filed his sub-group's report on time; the others are still to come.
        var report = new SubGroupReport { Meeting = next, SubGroup = subGroups["ASB and Envirocrime"], Author = "Peter Sibley" };
        var filed = today.AddDays(-2) < next.PapersDeadline ? today.AddDays(-2) : next.PapersDeadline;
        report.File(new SubGroupReportInput(
            "Two Community Impact Days were held since the last meeting, in Cray Valley East and Penge, with 38 visits to ASB and crime offenders and 6 fly-tipping enforcement actions.",
            "The PSPO consultation has closed; the decision is due before the current order lapses.",
            "The action plan is on track apart from the PSPO extension, which is Amber until the decision is made.",
            "Partners are asked to support the Portfolio Holder's decision on the PSPO extension."), "Peter Sibley", filed, next.PapersDeadline, last.Date);
        _db.SubGroupReports.Add(report);
    }

    /// <summary>The Strategic Group's standing agenda, each item linked to the paper the tracker holds for it.</summary>
    static void AddStandardAgenda(Meeting meeting)
    {
        (string Title, string? Presenter, string? Link)[] items =
        [
            ("Apologies for absence", null, null),
            ("Minutes of the previous meeting", null, "/meetings/{previous}/minutes"),
            ("Matters arising", "Steve Wood", "/meetings/{meeting}/matters-arising"),
            ("SBP Strategy quarterly update", "Amanda Mumford", "/actions/report"),
            ("Crime update", "Colin Carswell", null),
            ("Reports from sub-groups", "Sub-group leads", null),
            ("Risk register", "Councillor Kate Lymer", "/risks"),
        ];
        var n = 1;
        foreach (var (title, presenter, link) in items) meeting.AddAgendaItem((n++).ToString(), title, presenter, link);
    }
}
