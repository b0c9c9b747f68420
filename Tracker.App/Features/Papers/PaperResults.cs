namespace Tracker.App.Features.Papers;

/// <summary>How the papers' endpoints answer: the document as a download, or 404 when there is nothing to write about.</summary>
public static class PaperResults
{
    /// <summary>Writes the document once, into memory, and serves it; the writer returns false when what it is about does not exist.</summary>
    public static async Task<IResult> FileAsync(Func<Stream, Task<bool>> write, string contentType, string fileName)
    {
        var buffer = new MemoryStream();
        if (!await write(buffer))
        {
            await buffer.DisposeAsync();
            return Results.NotFound();
        }
        buffer.Position = 0;
        return Results.File(buffer, contentType, fileName);
    }

    public static Task<IResult> DocxAsync(Func<Stream, Task<bool>> write, string fileName) => FileAsync(write, WordPaper.ContentType, fileName);

    public static Task<IResult> XlsxAsync(Func<Stream, Task> write, string fileName) =>
        FileAsync(async s => { await write(s); return true; }, XlsxSheet.ContentType, fileName);

    /// <summary>503 with the reason and how to install LibreOffice, in words a person reads.</summary>
    public static IResult PdfUnavailable() =>
        Results.Text(PdfConverter.MissingMessage, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
}
