using Tracker.Domain.People;
using Tracker.Domain.Strategy;
using StrategyEntity = Tracker.Domain.Strategy.Strategy;

namespace Tracker.App.Data.SampleData;

public sealed partial class StrategySampleData
{
    static void SeedPriorityOne(StrategyEntity strategy, Dictionary<string, Partner> partners, ActFn act, UpdateFn update)
    {
        var priority = strategy.AddPriority(new Priority
        {
            Number = 1,
            Title = "Safer Neighbourhoods",
            LeadPartner = partners["MPS"],
            Description = """
                Priority One Safer Neighbourhoods looks at the crime and anti-social behaviour that concern our residents the most, and that MOPAC has identified as relevant to our borough.

                The main Partner here is the Met Police, and we work in partnership with them wherever possible and appropriate, in tackling the issues across the borough, as well as targeting resources in those areas that are highlighted as hot-spots.

                There are 4 sub-priorities that have been agreed here, these are:

                - 1. Non-Domestic Violence with Injury;
                - 2. Residential Burglary;
                - 3. ASB;
                - 4. Crimes Against the Elderly and Vulnerable (Financial Abuse).

                Sub-priorities 1,3 and 4 have actions from the Community Safety Team.

                The metrics for 1-3 are provided separately in the crime updates
                """,
        });
        priority.AddSubPriority(1, "Non-Domestic Violence with Injury");
        priority.AddSubPriority(2, "Residential Burglary");
        priority.AddSubPriority(3, "ASB");
        var financialAbuse = priority.AddSubPriority(4, "Crimes Against the Elderly and Vulnerable (Financial Abuse)");

        // 1. Improve partnership and stakeholder engagement and collaboration
        var o1 = priority.AddObjective(new Objective
        {
            Number = 1,
            Title = "Improve partnership and stakeholder engagement and collaboration",
            Description = """
                Improved communication between all interested parties, to ensure that stakeholders have the opportunity to provide feedback on their concerns, and that the work of partners is optimised through aligning strategic aims, targeting resources based on evidence, and by avoiding duplication.

                The actions for the above are evidenced in the following sections:
                """,
        });
        var a11 = act(o1, "A framework will be established for consultation and engagement with partners and the wider community through networks, meetings and other mechanisms (email, bulletins etc).", ["JS", "CK"], null, "LBB");
        update(a11, Q4.Previous, RagStatus.Green, "The working groups that assist in delivering the SBP plans are being overhauled, with new terms of reference for the Crime Reduction Action Group and the Anti-Social Behaviour Action Group.", "JS");
        update(a11, Q4, RagStatus.Green, """
            A total overhaul has taken place of all the working groups that assist in delivering the SBP plans and objectives to meet the Joint Action Group (JAG) aims. The following groups now meet on regular basis.

            Crime Reduction Action Group (CRAG)

            Standing Members Include LFB, MPS, NPS, Environment Agency and Change Grow Live. Attempts are also being made to have a representation from the local secondary schools if possible. The BID Teams have also attended. The purpose of the group is to enable joint planning to take place for interventions and also provide a forum for the sharing of good practice and collaborative problem solving at a strategic level to aid in delivering the SBP strategic aims.

            Anti-Social Behaviour Action Group (ASBAG)

            Standing members are MPS, RSL's, Planning Enforcement Colleagues and the Street Enforcement Manager. The purpose of the group is to ensure LBB is as joined up as possible--dealing with Enviro type crimes primarily.

            Multi Agency Response to Anti-Social Behaviour (MARASB)

            Standing members are RSL's, MPS, Oxleas. The purpose of the group is to make sure that people who are identified as causing ASB are either helped if this is due to ill health or that effective action is taken if due to behavioural issues not health related. A new RAG rating and risk assessment has also been introduced to cover risk.

            As well as the above meeting the Head of Service (HoS) for Community Safety Environmental and Domestic Regulation meets with the HoS of other boroughs in the SN BCU and the CI every Friday to facilitate any tasking issues. The HoS also attends the MPS TTCG meeting.

            The following meetings are also attended to ensure a public health type approach is adopted in the Community Safety role the Council plays in facilitating solutions.

            - Gypsy, Roma and Travellers Working Group
            - MPS Youth Engagement Working Group
            - MPS ANPR Working Group (This has led to two planned ANPR operations in LBB host spots planned for March 2021)

            Throughout the pandemic, Public Protection has worked with partners including police, local BIDs, public health as well as our own colleagues in waste, parks and street services to ensure local businesses and residents are kept up to date and informed on how to keep safe and secure and restrict the spread of COVID 19.

            BCU Community Safety Leadership weekly meetings

            The Head of Service for Community Safety attends weekly meetings with Police leadership and community safety colleagues across the BCU. This allows for ongoing dialogue for any BCU issues to be raised in real time.

            Met Police

            Met Police Partners have been working with the public in neighbourhoods to identify and solve local problems. In doing so they have been:

            - promoting good community relations e.g. working with local residents groups and Ward Panels
            - providing advice and information through the use of social media e.g. about securing homes
            - solving problems that are causing disruption and anti-social behaviour e.g. working with partners at transport hubs
            - patrolling the streets on foot and in cars

            In addition to the above, significant communication and engagement is undertaken online via various social media platforms including: Nextdoor, Facebook, Twitter and now Instagram, with a growing young persons' network.

            Internally, information resulting from critical incidents and ongoing performance is shared and joint communication opportunities are well used.

            The BCU commander provides a blog/bulletin to partners and notifications are routinely used via police ops room.
            """, "JS");

        var a12 = act(o1, "Community Impact days are held 12 times a year, to tackle anti-social behaviour hot-spot areas for reductions in issues including: fly-tipping, arson, carrying of weapons, nuisance mopeds etc,", ["TS", "PS"], "ASB and Envirocrime", "LBB");
        update(a12, Q4, RagStatus.Green, """
            The CIDs have now been expanded to capture additional subjects such as noise nuisance and community tensions further to the creation of the Nuisance and Anti-Social Behaviour Team. This work will expand further after COVID restrictions are removed.

            The success of these CIDs has been reported back to the Public Protection and Enforcement PDS
            """, "PS");

        var a13 = act(o1, "Neighbourhood policing teams will be used to better protect and support vulnerable children and adults", ["CK"], null, "MPS");
        update(a13, Q4, RagStatus.Green, """
            The neighbourhood policing teams are currently working in the following ways to support vulnerable children and adults:

            - Protecting children and vulnerable adults from crime: e.g. by monitoring sex offenders
            - Providing advice and equipment to people who have been victims of crime. E.g. Smartwater
            - Assisting people who might be vulnerable to crime and working with partners to reduce crime
            - Working with young people so that they don't become involved in crime: e.g. school visits and diversionary activities.
            - Solving problems that are causing crime: e.g. improving street lighting
            - Tackling drug and alcohol abuse e.g. by referring drug abusers for rehabilitation
            """, "CK");

        // 2. Use an intelligence led approach
        var o2 = priority.AddObjective(new Objective
        {
            Number = 2,
            Title = "Use an intelligence led approach",
            Description = "Through use of data analytical tools and partnership tasking groups (such as the Tactical Tasking Coordination Group and Joint Action Group), to track and respond to local crime trends in real time, and to provide local input to develop appropriate responses to Borough concerns. This will include the development of a bespoke intelligence package, and the introduction of specific police tasking teams. These teams (the Serious Inquisitive Crime Team and the Violence Reduction Team), will be dedicated to reducing local priority crimes, including non-domestic violence with injury, residential burglary, motor vehicle theft, and anti-social behaviour in general.",
        });
        var a21 = act(o2, "Develop a bespoke intelligence package and introduce specific police tasking teams (the Serious Inquisitive Crime Team and the Violence Reduction Team) to track and respond to local crime trends in real time.", ["CK", "AM"], "Gangs and Serious Youth Violence", "MPS");
        update(a21, Q4, RagStatus.Green, """
            Discussions are taking place around the possible use of the Crime Harm Index in micro beat areas to assist in resource planning and assist in the designing out crime.

            The South BCU use intelligence products to identify trends alongside data analysis to forecast demand and access resource bids through existing structures. The BCU has been successful across the command in bids for additional funding and use of specialist resources. An example of this is the work done to reduce catalytic converter thefts. The focus in the last 12 months has been operational response to COVID and structures have been augmented with partners to deliver against pandemic issues.

            Police and partners are planning and forecasting demand issues post COVID at this time.
            """, "CK");
        var a22 = act(o2, "COVID 19 response: task Public Protection resources using an intelligence-led approach.", ["JS"], null, "LBB");
        update(a22, Q4, RagStatus.Green, """
            When it comes to tasking, an intelligence-led approach is taken, whether that be responding to service requests made by the public, issues raised by the Police, or matters noted by our Officers. As the legislation and regulations have changed frequently throughout the pandemic, it is not possible to establish meaningful medium term planning, and the model is therefore ideal for tasking limited resources in the most flexible and effective way possible. This model allows for the consideration of newly emerging analysis relating to risks associated with business venues, and affords management the ability to deploy Officers quickly to deal with emerging risks.

            In accordance with the overarching Enforcement Policy and the Covid Enforcement 4 E protocol, the Public Protection approach to business compliance has been to undertake a staged approach, with enforcement as the last measure. Although the legislative changes have been frequent, the overall levels of compliance noted has been high; as such, it appears that the approach taken is appropriate and effective.

            Throughout the pandemic, daily and weekly records of activity have been sent to the Department for Business, Energy & Industrial Strategy (BEIS) and the Office for Product Safety and Standards (OPSS). The data originally gathered information regarding business closures across England which were required by the Closure Regulations. The data sought to measure the impact of Covid 19 on our resources and report back to MHCLG, Cabinet Office and No10 in order to give them a good understanding of the activity we have been involved in.
            """, "JS");

        // 3. Make Use of Legislation
        var o3 = priority.AddObjective(new Objective
        {
            Number = 3,
            Title = "Make Use of Legislation",
            Description = "Through appropriate use of the powers within various Acts including the Environmental Protection Act 1990 and Antisocial Behaviour Crime and Policing Act 2014, to ensure that all available remedies are considered, including the use of Dispersal Orders, Community Protection Warnings, Community Protection Notices, Public Space Protection Orders (PSPO) and dispersal orders, subject to a balanced approach involving support and treatment outreach services and enforcement where necessary.",
        });
        var a31 = act(o3, "Use the powers of the Environmental Protection Act 1990 and the Antisocial Behaviour Crime and Policing Act 2014, including a Public Space Protection Order, Community Protection Warnings and Community Protection Notices.", ["PS", "TS"], "ASB and Envirocrime", "LBB");
        update(a31, Q4.Previous, RagStatus.Amber, "The PSPO consultation has closed but agreement of the order has slipped into Quarter Four; signage and the use of FPN powers cannot start until it is agreed.", "PS");
        update(a31, Q4, RagStatus.Green, """
            The PSPO has now been agreed and contains powers to deal with psychoactive substances as well as alcohol and it covers all open land that the public have easy access to within the borough. Subtle signage using infographic is being explored at the present time to enable proportionate use of the FPN powers if needed. CPNW's and CPN;s are also now being used to add to the powers available through EPA 90. MPS and LBB are also working on the new police ASB warning systems to compliment ABC's for under 16's.

            In the absence of specific legislation, Public Protection Officers, in August 2020, relied on the provisions of the Antisocial Behaviour and Crime and Policing Act 2014 (ASBCP Act) to issue a number of Community Protection Warning Notices (CPWN) to close contact businesses who had failed to respond to guidance and advice around the use of PPE.

            A total of 59 CPWNs were issued over a single weekend in August 2020 following a targeted enforcement programme as the service moved to the Enforce strand of the enforcement strategy.
            """, "PS");
        var a32 = act(o3, "Use acceptable behaviour contracts and anti-social behaviour orders to reduce anti-social behaviour.", ["PS", "CC"], "ASB and Envirocrime", "MPS");
        update(a32, Q4, RagStatus.Green, "Both the Police and the ASB team have used acceptable behaviour contracts, anti-social behaviour orders to reduce anti-social behaviour.", "PS");

        // 4. Reduce Violence
        var o4 = priority.AddObjective(new Objective
        {
            Number = 4,
            Title = "Reduce Violence",
            Description = "Reduction of violence is delivered via the work streams within the Violence Reduction Action Plan (VRAP), the Gang Violence Matrix, the Violence Against Women & Girls strategy, the Youth Justice Strategy and the Police led Violence Reduction Team.",
        });
        var a41 = act(o4, "Deliver the Violence Reduction Action Plan (VRAP), whose governance sits with Community Safety.", ["AM", "CK"], "Gangs and Serious Youth Violence", "LBB");
        update(a41, Q4, RagStatus.Green, """
            The governance of the VRAP plan (which contains the actions in the associated plans and strategies as highlighted above, sits with Community Safety.

            In June 2020, Steve Bending from the GLA virtually visited Bromley to review progress against the actions stated within the plan. In providing feedback he noted that the visit was productive and that it was clear that as an outer-London borough there was a clear focus on violence reduction and really strong leadership. Key highlights were the work of the Gangs Mega Panel, the work of Trading Standards and the weekly community safety meetings undertaken with the South BCU leadership team. Indeed, he is proposing to suggest that this type of meeting should be adopted by all BCUs across London as this provides a regular opportunity to brief/catch-up and task resources as a weekly support for the four weekly TTCG.

            Following the visit, actions within the plan were refreshed by the VRU and four new actions were included. The first around governance, and this set out how the CSP, two safeguarding boards and Health and Wellbeing Board must co-ordinate to provide a public health approach to reduce violence. Two new actions related to parenting and support for parents and carers and the last new action looked at local multi-agency safeguarding or concern hub arrangements.

            Moving forward and in the spirit of positive engagement of borough partnerships and an ethos of collaboration, the VRU intends to provide some virtual learning hub sessions through London Councils and London Heads of Community Safety (LHoCS) that can support shared learning and ideas.

            The latest update to the refreshed VRAP has been requested, and will be reported back in Q2 2021.

            A new highly experienced staff member has been recruited from Croydon to fill the vacant serious youth violence and gangs posts. This will enable Community Safety to deliver against the VRAP. This staff member will also be an active member of the MEGA panel. LBB has also been working with MPS to relaunch a Junior Citizen program to increase the trust between young people and the police and it is hoped that an event will be delivered in 2021.
            """, "AM");

        // 5. CCTV
        var o5 = priority.AddObjective(new Objective
        {
            Number = 5,
            Title = "CCTV",
            Description = "Through ensuring the effective use of public space CCTV on targeted areas as determined by intelligence, and the investment in new deployable cameras.",
        });
        var a51 = act(o5, "Use the CCTV control room and deployable cameras on crime, ASB and fly-tipping hotspots determined by intelligence.", ["TS"], "ASB and Envirocrime", "LBB");
        update(a51, Q4, RagStatus.Green, """
            Bromley Council runs a CCTV control room that monitors 200 fixed cameras along the borough that cover town centre locations across the borough 24 hours a day, 7 days a week. To monitor emerging crime and ASB & fly tipping hotspots the Council has a number of mobile cameras that we use for short periods of time (usually 3 – 6 months).

            Between January 2020 and December 2020, the CCVT control room assisted police in 200 incidents which resulted in arrests. In many cases these incidents were as a result of CCTV Operators spotting suspicious behaviour by individuals.

            Example: On 24th July 2020 at 01:00 CCTV controllers monitored a fight between several males in Bromley High Street and were able to assist police in identifying three males at the scene who were then arrested.

            All our CCTV operators are fully trained and most have worked at Bromley for several years. They are very familiar with the town centres and have valuable local knowledge. In August 2020 a local police sergeant made mention of and praised the excellent assistance given to his team by the LBB CCTV team who had spotted shoplifters going straight from one store to another and provided evidence the latter was dealing in stolen goods.
            """, "TS");

        // 6. Reduce risk of financial abuse of the elderly or vulnerable
        var o6 = priority.AddObjective(new Objective
        {
            Number = 6,
            Title = "Reduce risk of financial abuse of the elderly or vulnerable",
            Description = "Through targeted communications campaigns and enforcement",
            SubPriority = financialAbuse,
        });
        var a61 = act(o6, "Targeted communications campaigns and enforcement against scams and doorstep crime.", ["RV"], null, "LBB");
        update(a61, Q4, RagStatus.Green, """
            The ability to deliver talks and face to face campaigns has been impacted by the pandemic, with social distancing restricting and effectively cancelling the planned community based events for the year. However, Trading Standards have continued to raise awareness of scams and doorstep crime through on line and direct media. Several talks to small groups were possible through the Zoom platform, and at the start of the pandemic, officers made contact with nearly 500 residents who were previously known to us as being vulnerable to scams and doorstep crime.

            Recent research concluded that receiving scam and nuisance calls had a significant effect on people's wellbeing. Over the past 12 months trading standards have installed twelve call blocking devices in the homes of older adults who have been plagued by phone scammers. The units block scam calls and provide intelligence about the perpetrators. A total of 35 units have been installed since 2015. We estimate that the project has already prevented 10 scams, and made savings of £36,272. Over the 5 year life of these units they will have blocked 58,167 nuisance calls (of which 11,701 will have been scam phone calls), prevented 69 scams, saved vulnerable households £128,543 and led to a reduction of £116,324 in NHS and health & social care costs. This will be a total saving of £244,867 for a project cost of £5,425 – a payback of 45 times the cost.

            In February 2021 Trading Standards launched a new electronic newsletter, the TS Alert! – which aims to alert residents and partners of scams, in particular rapidly bringing emerging scams to the attention of those who can prevent someone being a victim of a scam. It will also create awareness on spotting scams and where to report a concern and advise on what to do if you've been caught by a scam.

            There have been FOUR alerts already, advising partners and residents on issues related to green homes grants, romance fraud and bitcoin scams. There are currently 200 direct recipients of the Alert! and many of these have committed to sharing within their own groups. For example, Biggin Hill Police (PCSO RC shares with 300 plus local residents, and Neighbourhood Watch chief Alf Kennedy forwards the Alert! to 600 NW coordinators. We estimate that at present the Alert! reaches more than 2,000 inboxes.
            """, "RV");

        // 7. How do we know we are on Track?
        var o7 = priority.AddObjective(new Objective { Number = 7, Title = "How do we know we are on Track?" });
        update(act(o7, "This theme will be included as a substantive discussion item at the Safer Bromley Partnership Board in quarter 1", ["AM"], null, "LBB"),
            Q4, RagStatus.Green, "The item was presented, and the RAG status green", "AM");
        update(act(o7, "Police will provide a crime update at each Safer Bromley Partnership Board, and partners will present an end of year update in quarter 4.", ["CC"], null, "MPS"),
            Q4, RagStatus.Green, "This data has been presented for each quarter", "CC");
        update(act(o7, "Local data via the Metropolitan Police Service crime dashboard (updated monthly) will be monitored, and Community Safety will attend Tactical Tasking Coordination Group each month to provide input into tasking and analyse effectiveness of responses.", ["AM"], null, "LBB"),
            Q4, RagStatus.Green, "This data is monitored and considered for tasking through the TTCCG", "AM");
        update(act(o7, "Police will present an update to the Public Protection & Enforcement Policy Development and Scrutiny Committee every quarter.", ["CC"], null, "MPS"),
            Q4, RagStatus.Green, "The crime updates were presented, and a new reporting format agreed with the Chairman of the PP&E PDS, which also presented hotspots within wards.", "CC");

        // 8. Metrics for the 3 MOPAC sub-priorities
        var o8 = priority.AddObjective(new Objective
        {
            Number = 8,
            Title = "Metrics for the 3 MOPAC sub-priorities",
            Description = """
                The 3 MOPAC sub-priorities are:

                - 1. Non-domestic Violence with Injury;
                - 2. Residential Burglary;
                - 3. ASB;

                In addition to the above, data on the following has been included:

                - Total Burglary
                - Theft of Motor Vehicles
                - Knife Crime Offences (links with Priority Three- Keeping Young People Safe)
                - Gun Crime Offences (links with Priority Three as above)
                - Domestic Abuse (links with Priority Two- Violence Against Women and Girls)
                - Hate Crime (links with Priority Four – Stand Together Against Hate Crime and Extremism)

                The table below demonstrates that there were percentage decreases for most areas of crime that are considered under the Safer Bromley Partnership Strategy, as well as the Violence Reduction Action Plan. An increase has been recorded for reports of hate crime, and emerging evidence shows that the Covid-19 pandemic is associated with an increase in hate crime reporting, especially against Chinese and East Asian minorities. With regards to the exponential rise of ASB calls, this again is attributable to the pandemic, as many of the calls were made to report alleged breaches of Covid 19 legislation.
                """,
        });
        update(act(o8, "Reduce Non-Domestic Violence with Injury (NDVWI)", ["CK"], null, "MPS"), Q4, RagStatus.Green, """
            Total NDVWI offences within Bromley have fallen by 12%

            COVID has had a massive suppressing effect on many crime types. NDVWI is largely but not entirely associated with the night-time economy and street based criminal activity. As lockdown eases it would be prudent to monitor the rise to any new normality and ensure, where possible that the impact of reopening of licensed premises, schools and other premises has on crime. This is an ideal time to ensure the impact of particular premises is understood in communities and to send clear messages in advance of re-opening of the need for responsible management of these premises.
            """, "CK");
        update(act(o8, "Reduce Residential Burglary", ["CK"], null, "MPS"), Q4, RagStatus.Green, """
            Total Residential Burglary within Bromley have fallen by 40%

            Again, COVID has positively impacted domestic burglary offences as many people now work from home or remain in lockdown. This has increased the number of active guardians within and around properties. Now would be an ideal opportunity for the local authority and police to increase its publicity in the value of sensible burglary reduction measures as lockdown eases. There may be an ongoing suppressing effect as office workers continue to work from home into next year and beyond.
            """, "CK");
        var a83 = act(o8, "Reduce anti-social behaviour (ASB)", ["PS", "CC"], "ASB and Envirocrime", "MPS");
        update(a83, Q4.Previous, RagStatus.Amber, "ASB calls remain well above the previous year because of reports of breaches of the COVID regulations. Reports of quad bikes and scramblers in Cray Valley parks are rising.", "PS");
        update(a83, Q4, RagStatus.Amber, """
            Total ASB Offences within Bromley have risen by 94% between years

            The dramatic increases in ASB are largely associated with COVID related reporting of breaches in new legislation associated with lockdowns. There was a particular spike through March to May during the first lockdown. Whilst the number of calls for service has reduced steadily over the latter part of the year, they remain higher than average. Dedicated response vehicles have responded to COVID calls for service across Bromley since May as a result of these increases for service. Most are low level and have been dealt with by suitable words of advice.

            Notwithstanding COVID, there have been increasing reports concerning anti-social use of quad bikes across the borough, with specific areas of concern including St Pauls Cray Hill Park and Hoblingwell Wood Recreational Ground.

            South Area BCU, together with Bromley Local Authority are encountering significant issues in the Cray Valley with motor vehicle ASB involving pit bikes, scramblers and quads accessing public land. Police have received numerous reports of bike "gatherings". The concern is that this may have the effect of rendering the parks a no go area for members of the public wishing to use them.

            Although police and partners see pockets of similar issues elsewhere throughout the borough, a high concentration of bikers at St Pauls Cray Hill Country Park (Cray East Ward) and Hoblingwell Wood Recreation Ground (Cray West Ward). Activities appear to peak over the weekend, mainly on Sunday afternoons.

            Intelligence from officers previously having issued warnings to offenders, state the bikers concerned are not necessarily exclusively local, and that some are travelling to the area as far afield as Maidstone and Swanley in Kent. Understandably, this is causing significant annoyance and frustration to residents that live within sight/earshot of the affected areas, and has led to some local councillors expressing their concern. The Senior Leadership Team at SN BCU have also been notified.

            In response, Op Green Champion, set up by A/PS Rich Phillips has been running since the start of the year and has seen some positive results including:

            - Seizing 4 quad bikes
            - in excess of 10 (Section 59 PRA) notices issued to offenders
            - Emergency Response Teams are being briefed by A/PS Phillips on the work of Green Champion and how they can assist the operation. The primary advantage of this being that they operate 24/7 and can attend (subject to prioritising emergency calls) when SNT officers are off duty/abstracted.
            - partnership working with the Local Authority to identify vulnerabilities at park entrances with a view to target hardening.
            - Community Impact Day scheduled for the 24th March where dedicated Ward Officers (DWO's) will visit known offenders to issue warnings in partnership with Clarion Housing who will issue similar warnings under breach of tenancy.

            As the vehicles used not always display VRM plates, or their faces of the drivers are covered or concealed by wearing a crash helmet, identification of perpetrators can be problematic. Additionally, the sheer size and terrain of the area to be policed also presents a number of challenges. As such, police will rely upon the local community to share names and addresses so that retrospective action can be taken rather than risk injury stopping them whilst riding.

            The new mailbox address for Op Green Champion is: SNMailbox-OpGreenChampion@met.police.uk and should be used to allow residents to submit their photos/intel of persons involved. Whilst use of this mailbox is preferable, members of the public can also use 101, 999 or report online.

            There have also been increasing reports of youths congregating in the Council run multi-storey car parks (e.g. in Stockwell Close), and acting in antisocial ways. Ward Security are undertaking daily afternoon patrols of the Multi storey car park area, and have dispersed groups of youths from the site who were intimidating car park users.

            They have also undertaken some joint patrols with the police culminating in two underage females being taken home to their parents.
            """, "PS");
        update(act(o8, "COVID 19 Activity in relation to the identified themes in (1,2 and 4)", ["JS"], null, "LBB"), Q4, RagStatus.Green, """
            Work of Public Protection and Enforcement Services Through COVID 19

            The local response in Bromley to COVID-19 has been mobilised through the hard work and commitment of Officers, elected members, residents, local businesses, partner organisations, and local voluntary and community groups, who have come together to support the most vulnerable and at risk people in our communities during these unprecedented times.

            Throughout 2020/21 Public Protection Officers have enforced the plethora of new Coronavirus regulations, which have placed changing restrictions and obligations on businesses, and provided local authorities with a range of enforcement tools to secure compliance. The purpose of the regulations is to control the spread of the virus, and this was kept in mind when determining enforcement decisions where the law and guidance could be open to interpretation.

            Following the introduction of social distancing in March 2020, all services and business continuity plans within Public Protection were reviewed and delivery plans were agreed whereby all services would remain operational, albeit on an amended basis, for example, where possible face to face inspections were replaced with virtual ones.

            The enforcement activity carried out by Public Protection between the 27th March 2020 to 28th February 2021 (based on information submitted to Office for Product Safety and Standards (OPSS)):

            - Interaction required with business to check compliance/respond to non-compliance: 3,240
            - Businesses checked by drive by surveys to monitor closure requirements: 29,011
            - No. of CPNWs & CPNS: 111
            - Notices: 15
            """, "JS");
    }
}
