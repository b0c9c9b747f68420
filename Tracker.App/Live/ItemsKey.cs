namespace Tracker.App.Live;

/// <summary>
/// A list in a <see cref="RendersOnChange.RenderKey"/>, equal to another with the same items in the same order.
/// A saved risk comes back from the database as new lists with the same entries (its history, its reviews);
/// compared by reference they would render again for nothing.
/// </summary>
/// <remarks>The items must be values (records of immutable values): they are compared with their own Equals.</remarks>
public readonly struct ItemsKey<T>(IReadOnlyList<T> items) : IEquatable<ItemsKey<T>>
{
    readonly IReadOnlyList<T> _items = items;

    public bool Equals(ItemsKey<T> other) => ReferenceEquals(_items, other._items) || (_items is not null && other._items is not null && _items.SequenceEqual(other._items));

    public override bool Equals(object? obj) => obj is ItemsKey<T> other && Equals(other);

    public override int GetHashCode() => _items?.Count ?? 0;
}

public static class ItemsKey
{
    public static ItemsKey<T> Of<T>(IReadOnlyList<T> items) => new(items);
}
