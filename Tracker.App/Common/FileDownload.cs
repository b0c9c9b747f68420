using System.Text;

namespace Tracker.App.Common;

/// <summary>
/// Every file the tracker hands out, built one way: CSV as UTF-8 with a byte order mark (Excel reads
/// UTF-8 without one as the local code page, garbling en dashes and accents), and the Office types
/// for the documents that will follow.
/// </summary>
public static class FileDownload
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IResult Csv(string text, string fileName)
    {
        var preamble = Encoding.UTF8.Preamble;
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(text)];
        preamble.CopyTo(bytes);
        Encoding.UTF8.GetBytes(text, bytes.AsSpan(preamble.Length));
        return Results.File(bytes, CsvType, fileName);
    }

    public static IResult Docx(byte[] content, string fileName) => Results.File(content, DocxType, fileName);

    public static IResult Xlsx(byte[] content, string fileName) => Results.File(content, XlsxType, fileName);
}
