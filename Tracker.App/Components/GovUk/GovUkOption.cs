namespace Tracker.App.Components.GovUk;

/// <summary>One choice of a radios or select field; a disabled choice is shown but cannot be chosen.</summary>
public sealed record GovUkOption(string Value, string Text, string? Hint = null, bool Disabled = false);
