using Microsoft.EntityFrameworkCore;
using Tracker.Domain.Meetings;

namespace Tracker.App.Data.SampleData;

/// <summary>
/// The cover sheets of the published matters-arising reports: CSD 16182 for 8 December 2016 (003)
/// and CSD19092, "Matters Outstanding", for 20 June 2019 (000).
/// </summary>
public sealed class CoverSheetsSampleData : ISampleData
{
    public int Order => 45;

    public async Task SeedAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var meetings = await db.Meetings.Where(m => m.Date == new DateOnly(2016, 12, 8) || m.Date == new DateOnly(2019, 6, 20))
            .ToDictionaryAsync(m => m.Date, cancellationToken);
        void Add(DateOnly date, string number, string reason)
        {
            if (!meetings.TryGetValue(date, out var meeting)) return;
            var sheet = CoverSheet.For(meeting.Id, CoverSheetPapers.MattersArising);
            sheet.Meeting = meeting;
            sheet.Update(new CoverSheetInput(number, "Steve Wood, Democratic Services Officer", "020 8313 4316", "stephen.wood@bromley.gov.uk",
                "Mark Bowen, Director of Corporate Services", "Non Urgent, Non Executive, Non Key", "N/A", reason,
                "The Group is asked to review progress on matters arising from previous meetings.", "Public"));
            db.CoverSheets.Add(sheet);
        }
        Add(new DateOnly(2016, 12, 8), "CSD16182", "Appendix A updates Members on matters arising from previous meetings.");
        Add(new DateOnly(2019, 6, 20), "CSD19092", "Appendix A updates Group members on matters arising from previous meetings.");
        await db.SaveChangesAsync(cancellationToken);
    }
}
