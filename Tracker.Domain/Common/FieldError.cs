namespace Tracker.Domain.Common;

/// <summary>A validation message for one field of an input, in GOV.UK wording.</summary>
public sealed record FieldError(string Field, string Message);
