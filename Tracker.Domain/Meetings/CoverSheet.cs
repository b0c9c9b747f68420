using System.Text.RegularExpressions;
using FluentValidation;
using Tracker.Domain.Common;

namespace Tracker.Domain.Meetings;

/// <summary>
/// The committee cover sheet of one paper to one meeting (000, 003: "Report No. CSD19092 … Ward: N/A"),
/// entered by the clerk. Fields left blank take the partnership's defaults when the paper is produced.
/// </summary>
public sealed class CoverSheet : Entity
{
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    /// <summary>Which paper: one of <see cref="CoverSheetPapers.All"/>.</summary>
    public required string Paper { get; set; }
    /// <summary>"CSD19092": the council's report number.</summary>
    public string ReportNumber { get; set; } = "";
    /// <summary>"Steve Wood, Democratic Services Officer"</summary>
    public string ContactOfficer { get; set; } = "";
    public string ContactTelephone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    /// <summary>"Mark Bowen, Director of Corporate Services"</summary>
    public string ChiefOfficer { get; set; } = "";
    /// <summary>"Non Urgent, Non Executive, Non Key"</summary>
    public string DecisionType { get; set; } = "";
    public string Ward { get; set; } = "";
    /// <summary>"1. Reason for report"</summary>
    public string Reason { get; set; } = "";
    /// <summary>"2. RECOMMENDATION"</summary>
    public string Recommendation { get; set; } = "";
    public Classification Classification { get; set; }

    public static CoverSheet For(int meetingId, string paper) => new() { MeetingId = meetingId, Paper = paper };

    /// <summary>Applies validated input, trimmed.</summary>
    public void Update(CoverSheetInput input)
    {
        ReportNumber = Clean(input.ReportNumber).ToUpperInvariant().Replace(" ", "");
        ContactOfficer = Clean(input.ContactOfficer);
        ContactTelephone = Clean(input.ContactTelephone);
        ContactEmail = Clean(input.ContactEmail);
        ChiefOfficer = Clean(input.ChiefOfficer);
        DecisionType = Clean(input.DecisionType);
        Ward = Clean(input.Ward);
        Reason = Clean(input.Reason);
        Recommendation = Clean(input.Recommendation);
        Classification = ClassificationText.TryParse(input.Classification, out var c) ? c : Classification.Public;
    }

    public CoverSheetInput ToInput() => new(ReportNumber, ContactOfficer, ContactTelephone, ContactEmail, ChiefOfficer,
        DecisionType, Ward, Reason, Recommendation, Classification.Label());

    static string Clean(string? text) => text?.Trim() ?? "";
}

/// <summary>The papers that carry a cover sheet.</summary>
public static class CoverSheetPapers
{
    public const string MattersArising = "matters-arising";
    public const string ProgressReport = "progress-report";
    public const string RiskRegister = "risk-register";

    public static readonly IReadOnlyList<string> All = [MattersArising, ProgressReport, RiskRegister];
}

/// <summary>What the clerk types on the cover sheet form.</summary>
public sealed record CoverSheetInput(
    string? ReportNumber, string? ContactOfficer, string? ContactTelephone, string? ContactEmail, string? ChiefOfficer,
    string? DecisionType, string? Ward, string? Reason, string? Recommendation, string? Classification);

public sealed partial class CoverSheetInputValidator : AbstractValidator<CoverSheetInput>
{
    public const int MaxText = 2000;

    // Two to four letters of the department then five digits: CSD19092, ES20373; a space is allowed (CSD 16182).
    [GeneratedRegex(@"^[A-Za-z]{2,4} ?\d{5}$")]
    private static partial Regex ReportNumberPattern();

    [GeneratedRegex(@"^[0-9 ()+]{6,20}$")]
    private static partial Regex TelephonePattern();

    public CoverSheetInputValidator()
    {
        RuleFor(c => c.ReportNumber)
            .NotEmpty().WithMessage("Enter the report number, like CSD19092")
            .Must(n => ReportNumberPattern().IsMatch(n!.Trim())).WithMessage("Report number must be letters then five digits, like CSD19092")
            .When(c => !string.IsNullOrWhiteSpace(c.ReportNumber), ApplyConditionTo.CurrentValidator);
        RuleFor(c => c.ContactOfficer).MaximumLength(200).WithMessage("Contact officer must be 200 characters or fewer");
        RuleFor(c => c.ContactTelephone)
            .Must(t => string.IsNullOrWhiteSpace(t) || TelephonePattern().IsMatch(t.Trim()))
            .WithMessage("Enter a telephone number, like 020 8313 4316");
        RuleFor(c => c.ContactEmail)
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@bromley.gov.uk")
            .MaximumLength(200).WithMessage("Email address must be 200 characters or fewer");
        RuleFor(c => c.ChiefOfficer).MaximumLength(200).WithMessage("Chief officer must be 200 characters or fewer");
        RuleFor(c => c.DecisionType).MaximumLength(100).WithMessage("Decision type must be 100 characters or fewer");
        RuleFor(c => c.Ward).MaximumLength(200).WithMessage("Ward must be 200 characters or fewer");
        RuleFor(c => c.Reason).MaximumLength(MaxText).WithMessage($"Reason for report must be {MaxText} characters or fewer");
        RuleFor(c => c.Recommendation)
            .NotEmpty().WithMessage("Enter the recommendation")
            .MaximumLength(MaxText).WithMessage($"Recommendation must be {MaxText} characters or fewer");
        RuleFor(c => c.Classification)
            .Must(c => string.IsNullOrWhiteSpace(c) || ClassificationText.TryParse(c, out _))
            .WithMessage("Select Public, OFFICIAL or OFFICIAL-SENSITIVE");
    }
}
