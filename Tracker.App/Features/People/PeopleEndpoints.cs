using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.App.Common;

namespace Tracker.App.Features.People;

public static class PeopleEndpoints
{
    /// <summary>Live fragments: the same components the pages render.</summary>
    public static void MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live/people/table", async (PeopleService people, ICurrentUser user, CancellationToken ct) =>
            new RazorComponentResult<PeopleTable>(new { People = await people.ListPeopleAsync(ct), CanEdit = user.IsAdministrator() }));
    }
}
