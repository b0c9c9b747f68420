using Tracker.Domain.Common;

namespace Tracker.App.Features.Papers;

/// <summary>
/// The partnership's defaults for its papers (appsettings "Papers"): who the cover sheets name when
/// the clerk has not entered a paper's own, and the marking of papers without a cover sheet.
/// </summary>
public sealed class PaperSettings
{
    public const string Section = "Papers";

    public string Council { get; set; } = "London Borough of Bromley";
    public string Partnership { get; set; } = "Safer Bromley Partnership";
    public string DecisionMaker { get; set; } = "Safer Bromley Partnership Strategic Group";
    public string ContactOfficer { get; set; } = "Steve Wood, Democratic Services Officer";
    public string ContactTelephone { get; set; } = "020 8313 4316";
    public string ContactEmail { get; set; } = "stephen.wood@bromley.gov.uk";
    public string ChiefOfficer { get; set; } = "Mark Bowen, Director of Corporate Services";
    public string DecisionType { get; set; } = "Non Urgent, Non Executive, Non Key";
    public string Ward { get; set; } = "N/A";
    /// <summary>Public, OFFICIAL or OFFICIAL-SENSITIVE.</summary>
    public string Classification { get; set; } = "Public";
    /// <summary>The marking of the risk register, which names weaknesses of the partnership.</summary>
    public string RiskRegisterClassification { get; set; } = "OFFICIAL";
    /// <summary>Where LibreOffice's soffice is; empty to look on the PATH.</summary>
    public string SofficePath { get; set; } = "";
    /// <summary>Seconds LibreOffice may take to convert a pack before it is stopped.</summary>
    public int ConversionTimeoutSeconds { get; set; } = 60;

    public Classification DefaultClassification =>
        ClassificationText.TryParse(Classification, out var c) ? c : Domain.Common.Classification.Public;

    public Classification RiskClassification =>
        ClassificationText.TryParse(RiskRegisterClassification, out var c) ? c : Domain.Common.Classification.Official;
}
