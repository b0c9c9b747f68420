using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Tracker.App.Features.Papers;

/// <summary>LibreOffice is not installed: PDFs cannot be made, the Word papers and print layouts still can.</summary>
public sealed class PdfConverterMissingException() : InvalidOperationException(PdfConverter.MissingMessage);

/// <summary>
/// Word to PDF with LibreOffice (<c>soffice --headless --convert-to pdf</c>), run as a separate
/// process with a time limit, one conversion at a time, in a folder the caller owns. LibreOffice
/// is an optional dependency: see <see cref="IsAvailable"/>.
/// </summary>
public sealed class PdfConverter(IOptions<PaperSettings> settings, ILogger<PdfConverter> logger)
{
    public const string MissingMessage =
        "PDFs need LibreOffice, which is not installed on this server. An administrator can install it with " +
        "\"apt-get install -y libreoffice-writer-nogui\" (Debian or Ubuntu); the Word papers and the print layouts work without it.";

    // One LibreOffice at a time: it is heavy, and two instances sharing a profile refuse to start.
    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    readonly Lazy<string?> _soffice = new(() => Find(settings.Value.SofficePath));

    public bool IsAvailable => _soffice.Value is not null;

    /// <summary>The configured path if it exists, otherwise soffice or libreoffice on the PATH.</summary>
    static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "soffice", "libreoffice" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Converts the .docx files (all in one folder) to PDFs beside them, in one LibreOffice run.
    /// Returns the PDFs' paths in the same order.
    /// </summary>
    public async Task<IReadOnlyList<string>> ConvertAsync(IReadOnlyList<string> docxFiles, CancellationToken ct)
    {
        if (_soffice.Value is not { } soffice) throw new PdfConverterMissingException();
        if (docxFiles.Count == 0) return [];
        var folder = Path.GetDirectoryName(docxFiles[0])!;
        await OneAtATime.WaitAsync(ct);
        try
        {
            // A profile of this process's own, reused between conversions (making one costs seconds).
            var profile = Path.Combine(Path.GetTempPath(), $"tracker-soffice-{Environment.ProcessId}");
            var start = new ProcessStartInfo(soffice)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add($"-env:UserInstallation=file://{profile}");
            foreach (var arg in new[] { "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", folder }) start.ArgumentList.Add(arg);
            foreach (var file in docxFiles) start.ArgumentList.Add(file);

            using var process = Process.Start(start) ?? throw new InvalidOperationException("LibreOffice did not start");
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds(Math.Max(5, settings.Value.ConversionTimeoutSeconds)));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                if (ct.IsCancellationRequested) throw;
                throw new TimeoutException($"LibreOffice took longer than {settings.Value.ConversionTimeoutSeconds} seconds and was stopped");
            }
            var pdfs = docxFiles.Select(f => Path.ChangeExtension(f, ".pdf")).ToList();
            var missing = pdfs.Where(p => !File.Exists(p)).ToList();
            if (process.ExitCode != 0 || missing.Count > 0)
            {
                logger.LogWarning("LibreOffice exited {Code}: {Output} {Errors}", process.ExitCode, await output, await errors);
                throw new InvalidOperationException($"LibreOffice could not convert {string.Join(", ", missing.Select(Path.GetFileName))}");
            }
            return pdfs;
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
