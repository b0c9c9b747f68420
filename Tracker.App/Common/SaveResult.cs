using Tracker.Domain.Common;

namespace Tracker.App.Common;

/// <summary>A newer saved value of one field, shown beside the user's own text after a conflict.</summary>
public sealed record ConflictValue(string Field, string Label, string? Value);

/// <summary>Someone else saved the record after the user loaded it.</summary>
public sealed record Conflict(string ChangedBy, DateTimeOffset ChangedAt, int CurrentVersion, IReadOnlyList<ConflictValue> Current)
{
    public string Message =>
        $"{ChangedBy} changed this record on {UkDates.LongWithTime(ChangedAt)}, after you opened it. " +
        "Your changes have not been saved. Their version is shown below and your own text is still in the form: " +
        "check it, then save again to replace theirs.";
}

/// <summary>
/// The outcome of every write: saved, refused by validation, refused by permission, or refused as a
/// conflict. Pages turn a refusal into messages and keep what the user typed.
/// </summary>
public sealed record SaveResult
{
    public bool Succeeded { get; private init; }
    public int Id { get; private init; }
    public int Version { get; private init; }
    public IReadOnlyList<FieldError> Errors { get; private init; } = [];
    public string? Denied { get; private init; }
    public Conflict? Conflict { get; private init; }
    public bool NotFound { get; private init; }

    public static SaveResult Saved(int id, int version) => new() { Succeeded = true, Id = id, Version = version };
    public static SaveResult Invalid(IReadOnlyList<FieldError> errors) => new() { Errors = errors };
    public static SaveResult Invalid(string field, string message) => new() { Errors = [new FieldError(field, message)] };
    public static SaveResult Forbidden(string message) => new() { Denied = message };
    public static SaveResult Stale(Conflict conflict) => new() { Conflict = conflict };
    public static SaveResult Missing() => new() { NotFound = true };
}
