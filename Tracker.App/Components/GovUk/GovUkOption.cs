namespace Tracker.App.Components.GovUk;

/// <summary>One choice of a radios or select field.</summary>
public sealed record GovUkOption(string Value, string Text, string? Hint = null);
