using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Tracker.Tests.App.Meetings;
using Tracker.Tests.Support;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Tracker.Tests.App.Papers;

public sealed class MeetingPapersTests(TrackerAppFactory app) : IClassFixture<TrackerAppFactory>
{
    [Fact]
    public async Task MattersArisingDocx_June2019_CoverSheetFields()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync($"/meetings/{june}/matters-arising.docx", PaperFiles.Docx, "matters-arising-2019-06-20.docx"));
        var text = doc.Text();

        Assert.Contains("Report No.\nCSD19092", text);
        Assert.Contains("London Borough of Bromley", text);
        Assert.Contains("PART ONE - PUBLIC", text);
        Assert.Contains("Decision Maker: Safer Bromley Partnership Strategic Group", text);
        Assert.Contains("Date: 20 June 2019", text);
        Assert.Contains("Decision Type: Non Urgent, Non Executive, Non Key", text);
        Assert.Contains("Title: MATTERS OUTSTANDING", text);
        Assert.Contains("Contact Officer: Steve Wood, Democratic Services Officer\nTel: 020 8313 4316", text);
        Assert.Contains("stephen.wood@bromley.gov.uk", text);
        Assert.Contains("Chief Officer: Mark Bowen, Director of Corporate Services", text);
        Assert.Contains("Ward: N/A", text);
        Assert.Contains("1. Reason for report", text);
        Assert.Contains("1.1 Appendix A updates Group members on matters arising from previous meetings.", text);
        Assert.Contains("2. RECOMMENDATION", text);
        Assert.Contains("2.1 The Group is asked to review progress on matters arising from previous meetings.", text);
        Assert.Equal("Policy/Financial/Legal/Personnel", doc.RowOf("Non-Applicable Sections:").Cells()[1]);
        Assert.StartsWith("Background Documents", doc.Row("Background Documents").Cells()[0]);
        Assert.Contains("Public", doc.HeaderText());
    }

    [Fact]
    public async Task MattersArisingDocx_June2019_AppendixAFromTheMattersLog()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync($"/meetings/{june}/matters-arising.docx", PaperFiles.Docx));

        Assert.Contains("Appendix A", doc.Text());
        Assert.Equal(["Minute Number/Title", "Matters Arising", "Update"], doc.RowOf("Minute Number/Title").Cells());
        var m64 = doc.Row("Minute 64").Cells();
        Assert.Contains("Home Office Locality Review Report", m64[0]);
        Assert.Contains("14 March 2019", m64[0]);
        Assert.Contains("RESOLVED that the update is noted and a further update is provided at the next meeting.", m64[1]);
        Assert.Contains("Betty McDonald", m64[2]);
        Assert.Contains("MoJ have agreed funding", doc.Row("Minute 74").Cells()[2]);
    }

    [Fact]
    public async Task MinutesDocx_March2019_AttendanceNumberedItemsAndActionColumn()
    {
        var march = await app.MeetingIdAsync(2019, 3, 14);
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync($"/meetings/{march}/minutes.docx", PaperFiles.Docx, "minutes-2019-03-14.docx"));
        var text = doc.Text();

        Assert.Contains("SAFER BROMLEY PARTNERSHIP STRATEGIC GROUP", text);
        Assert.Contains("Minutes of the meeting held at 12.00 pm on 14 March 2019", text);
        Assert.Contains("Present:", text);
        Assert.Contains("Also Present:", text);
        Assert.Contains("Apologies:", text);
        Assert.Contains("Steve Wood (LBB Democratic Services)", text);
        Assert.Equal(["64", "UPDATE ON THE HOME OFFICE LOCALITY REVIEW REPORT ON SERIOUS VIOLENCE AND GANGS IN BROMLEY", "Action"], doc.RowOf("64").Cells());
        var resolutionRow = doc.Row("RESOLVED that the update is noted and a further update").Cells();
        Assert.Equal("AM/RV", resolutionRow[2]);
        Assert.Contains("SB", doc.Row("RESOLVED that Ms Baldwin would contact Katie Nash").Cells()[2]);
        Assert.Contains("The meeting ended at", text);
        Assert.EndsWith("Chairman", text.TrimEnd());
    }

    [Fact]
    public async Task AgendaDocx_June2019_MembersWhereWhenItemsAndQuestionDeadlines()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync($"/meetings/{june}/agenda.docx", PaperFiles.Docx, "agenda-2019-06-20.docx"));
        var text = doc.Text();

        Assert.Contains("Contact for this Agenda: Steve Wood", text);
        Assert.Contains("To: Members of the", text);
        Assert.Contains("STRATEGIC GROUP", text);
        Assert.Contains("Amanda Mumford", text);
        // The group's members only: the crime analyst the minutes name is not a member of the Strategic Group.
        Assert.DoesNotContain("Pratheepan Jeyapragasam", text);
        Assert.Contains("A meeting of the Safer Bromley Partnership Strategic Group will be held at Committee Room 1 - Bromley Civic Centre on THURSDAY 20 JUNE 2019 at 10.00 am", text);
        Assert.Contains("A G E N D A", text);
        Assert.Contains("1\tAPOLOGIES FOR ABSENCE", text);
        Assert.Contains("3\tMATTERS OUTSTANDING", text);
        Assert.Contains("a\tDOMESTIC ABUSE SUB GROUP UPDATE", text);
        Assert.Contains("must have been received in writing 10 working days before the date of the meeting", text);
        Assert.Contains("by 5pm on", text);
    }

    [Fact]
    public async Task AgendaDocx_June2019_ChairmanAndViceChairmanFirstThenBySurname()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync($"/meetings/{june}/agenda.docx", PaperFiles.Docx));
        var members = doc.Body().Descendants<W.Paragraph>().Select(p => string.Concat(p.Descendants().Select(e => e switch { W.Text t => t.Text, W.Break => "\n", _ => "" })))
            .First(t => t.Contains("Kate Lymer")).Split('\n');

        // As paper 000: "Councillor Kate Lymer, (Portfolio Holder …) (Chairman)", then the Vice-Chairman, then the rest by surname.
        Assert.Equal("Councillor Kate Lymer, (Portfolio Holder for Public Protection and Enforcement) (Chairman)", members[0]);
        Assert.Equal("Nigel Davies, (Executive Director, Environmental Services) (Vice-Chairman)", members[1]);
        var surnames = members.Skip(2).Select(m => m.Split(',')[0].Split(' ')[^1]).ToList();
        Assert.Equal(surnames.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), surnames);
        // A chairman of something else is not the Chairman.
        Assert.Contains("Sharon Baldwin, (Safer Neighbourhood Board Chairman)", members.Skip(2));
    }

    [Fact]
    public void AgendaMembers_OfficesFromTheRoleTitle_ChairThenViceThenTheRestInOrder()
    {
        var lines = Tracker.App.Features.Meetings.Papers.MeetingPapers.AgendaMembers([
            new(1, "Anne Able", "Officer", ""), new(2, "Ben Brown", "Police (Vice-Chair)", ""), new(3, "Cat Cole", "", ""),
            new(4, "Dan Dale", "Portfolio Holder (Chairman)", ""), new(5, "Eve East", "Board Chairman", "")]).ToList();

        Assert.Equal(["Dan Dale, (Portfolio Holder) (Chairman)", "Ben Brown, (Police) (Vice-Chairman)", "Anne Able, (Officer)", "Cat Cole",
            "Eve East, (Board Chairman)"], lines);
    }

    [Fact]
    public async Task MinutesDocx_June2016_ApprovalRecordWithTheCorrectionsMinuted()
    {
        var june = await app.MeetingIdAsync(2016, 6, 27);
        var september = await app.MeetingIdAsync(2016, 9, 15);
        var member = await app.SignInAsync("member");
        using var agreed = PaperFiles.OpenWord(await member.GetFileAsync($"/meetings/{june}/minutes.docx", PaperFiles.Docx, "minutes-2016-06-27.docx"));
        Assert.Contains("Agreed as a correct record at the meeting on 15 September 2016, minute 102. Corrections agreed then: " +
                        "Mr Terry Belcher had not been included in the list of attendees on the previous draft minutes; the Committee Clerk agreed to address this.",
            agreed.Text());

        // September's minutes were still a draft when its papers were printed.
        using var draft = PaperFiles.OpenWord(await member.GetFileAsync($"/meetings/{september}/minutes.docx", PaperFiles.Docx));
        Assert.Contains("Draft: not yet agreed as a correct record.", draft.Text());
        Assert.DoesNotContain("Agreed as a correct record", draft.Text());
    }

    [Fact]
    public async Task ForwardPlanDocx_ComingMeetings_ListedPastOnesNot()
    {
        var member = await app.SignInAsync("member");
        using var doc = PaperFiles.OpenWord(await member.GetFileAsync("/meetings/forward-plan.docx", PaperFiles.Docx, "forward-plan.docx"));
        var text = doc.Text();

        Assert.Contains("Forward Plan", text);
        var next = Tracker.App.Data.SampleData.StrategicGroupCycle.For(
            DateOnly.FromDateTime(Tracker.Domain.Common.UkDates.ToLondon(DateTimeOffset.UtcNow))).Next;
        Assert.Contains(Tracker.Domain.Common.UkDates.Long(next), text);
        // The forward plan lists coming meetings only (issue 9): May 2024 was planned but is past.
        Assert.DoesNotContain("23 May 2024", text);
    }

    [Fact]
    public async Task PackZip_June2019_EachPaperAsDocxInAgendaOrder()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var member = await app.SignInAsync("member");
        var bytes = await member.GetFileAsync($"/meetings/{june}/pack.zip", "application/zip", "pack-2019-06-20.zip");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Equal("00-agenda.docx", names[0]);
        Assert.Equal("01-minutes-2019-03-14.docx", names[1]);
        Assert.Equal("02-matters-arising.docx", names[2]);
        Assert.StartsWith("03-sub-group-domestic-abuse", names[3]);
        Assert.Contains(names, n => n.EndsWith("-progress-report-2018-q4.docx", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("-risk-register.docx", StringComparison.Ordinal));
        Assert.Equal(5, names.Count(n => n.Contains("-sub-group-")));
        // The report (item 8) and the register (item 10) come after the sub-group reports (item 7).
        Assert.True(names.FindIndex(n => n.Contains("progress-report")) > names.FindLastIndex(n => n.Contains("-sub-group-")));
        foreach (var entry in zip.Entries)
        {
            await using var stream = entry.Open();
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            using var doc = WordprocessingDocument.Open(new MemoryStream(copy.ToArray()), false);
            Assert.NotEmpty(doc.Text());
        }
    }

    [Fact]
    public async Task PackPdf_June2019_PageCountAndAgendaReferencesMatchThePages()
    {
        if (!PaperFiles.HasSoffice) return; // LibreOffice is optional: .ci/run installs it.
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var member = await app.SignInAsync("member");
        var bytes = await member.GetFileAsync($"/meetings/{june}/pack.pdf", "application/pdf", "pack-2019-06-20.pdf");
        var path = Path.Combine(PaperFiles.Folder, "pack-2019-06-20.pdf");
        await File.WriteAllBytesAsync(path, bytes);

        var info = await PaperFiles.RunAsync("pdfinfo", path);
        var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:")).Split(':')[1].Trim());
        Assert.True(pages >= 8, $"only {pages} pages");
        var text = await PaperFiles.RunAsync("pdftotext", "-layout", path, "-");
        var byPage = text.Split('\f');
        // The agenda gives the matters-arising report's pages; the report's cover sheet is on that page.
        var reference = System.Text.RegularExpressions.Regex.Match(byPage[0] + byPage[1], @"MATTERS OUTSTANDING \(Pages? (\d+)");
        Assert.True(reference.Success, "the agenda has no page reference for the matters outstanding");
        var first = int.Parse(reference.Groups[1].Value);
        Assert.Contains("CSD19092", byPage[first - 1]);
        Assert.Contains($"Page {first}", byPage[first - 1]);
        // Printed double-sided, every paper starts on a right-hand page, as in the published packs.
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(byPage[0] + byPage[1], @"\(Pages? (\d+)"))
            Assert.Equal(1, int.Parse(m.Groups[1].Value) % 2);
        Assert.Contains("This page is left intentionally blank", text);
        Assert.Contains("Quarter Four – Progress Against Priority One", text);
        Assert.Contains("RISK REGISTER COMPLETED BY", text);
    }

    [Theory]
    [InlineData("/meetings/{0}/agenda.docx")]
    [InlineData("/meetings/{0}/minutes.docx")]
    [InlineData("/meetings/{0}/matters-arising.docx")]
    [InlineData("/meetings/forward-plan.docx")]
    [InlineData("/meetings/{0}/pack.zip")]
    [InlineData("/meetings/{0}/pack.pdf")]
    public async Task Papers_SignedOut_RedirectToSignIn(string url)
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var response = await app.CreatePlainClient().GetAsync(string.Format(url, june));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/meetings/99999/agenda.docx")]
    [InlineData("/meetings/99999/minutes.docx")]
    [InlineData("/meetings/99999/matters-arising.docx")]
    [InlineData("/meetings/99999/pack.zip")]
    public async Task Papers_NoSuchMeeting_NotFound(string url)
    {
        var member = await app.SignInAsync("member");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).StatusCode);
    }
}

/// <summary>The app on a server without LibreOffice.</summary>
public sealed class NoLibreOfficeAppFactory : TrackerAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Papers:SofficePath", "/nonexistent/soffice");
    }
}

public sealed class PackWithoutLibreOfficePapersTests(NoLibreOfficeAppFactory app) : IClassFixture<NoLibreOfficeAppFactory>
{
    [Fact]
    public async Task PackPdf_LibreOfficeMissing_ServiceUnavailableSayingHowToInstall()
    {
        var june = await app.MeetingIdAsync(2019, 6, 20);
        var member = await app.SignInAsync("member");
        var response = await member.GetAsync($"/meetings/{june}/pack.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("LibreOffice, which is not installed", text);
        Assert.Contains("apt-get install -y libreoffice-writer-nogui", text);
        // The Word pack still works.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/meetings/{june}/pack.zip")).StatusCode);
    }
}
