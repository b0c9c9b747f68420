namespace Tracker.Tests.Support;

/// <summary>
/// The sample data's two strategies: the current one, whose years cover the quarter under review (every page
/// defaults to it, and it takes the updates), and the 2020–23 strategy of the Quarter Four 2020/21 report,
/// kept as history. Tests name the one they mean.
/// </summary>
public static class SampleStrategies
{
    public const string Current = "Safer Bromley Strategy 2024–27";
    public const string History = "Safer Bromley Partnership Strategy 2020–23";
}
