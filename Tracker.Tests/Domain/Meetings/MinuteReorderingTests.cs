using Tracker.Domain.Meetings;

namespace Tracker.Tests.Domain.Meetings;

/// <summary>What moving and removing do to a draft's minute numbers: the meeting keeps its run of numbers.</summary>
public sealed class MinuteReorderingTests
{
    static MinuteNumber N(string text) => MinuteNumber.Parse(text);
    static List<MinuteNumber> Numbers(params string[] texts) => texts.Select(N).ToList();

    // The minutes of 15 September 2016: 107, 108 with sub-items 108a and 108b, 109.
    static readonly List<MinuteNumber> September = Numbers("107", "108", "108a", "108b", "109");

    static IEnumerable<string> Apply(List<MinuteNumber> items, IReadOnlyDictionary<MinuteNumber, MinuteNumber> changes) =>
        items.Select(n => changes.TryGetValue(n, out var to) ? to.ToString() : n.ToString());

    [Fact]
    public void Move_ItemUp_SwapsNumbersWithItsNeighbour()
    {
        var changes = MinuteReordering.Move(September, N("109"), -1);
        // 109 becomes 108; 108 and its sub-items become 109, 109a, 109b.
        Assert.Equal(["107", "109", "109a", "109b", "108"], Apply(September, changes));
    }

    [Fact]
    public void Move_ItemWithSubItemsUp_SubItemsMoveWithIt()
    {
        var changes = MinuteReordering.Move(September, N("108"), -1);
        Assert.Equal(["108", "107", "107a", "107b", "109"], Apply(September, changes));
    }

    [Fact]
    public void Move_SubItemDown_SwapsLettersWithItsSibling()
    {
        var changes = MinuteReordering.Move(September, N("108a"), 1);
        Assert.Equal(["107", "108", "108b", "108a", "109"], Apply(September, changes));
    }

    [Fact]
    public void Move_FirstItemUp_NothingChanges()
    {
        Assert.Empty(MinuteReordering.Move(September, N("107"), -1));
        Assert.Empty(MinuteReordering.Move(September, N("108b"), 1));
    }

    [Fact]
    public void Remove_Item_LaterItemsCloseUp()
    {
        var items = Numbers("101", "102", "103", "103a", "104");
        var changes = MinuteReordering.Remove(items, N("102"));
        Assert.Equal(["101", "102", "102", "102a", "103"], Apply(items, changes));
        // (102 itself is deleted; the others now run 101, 102, 102a, 103 with no gap.)
        Assert.DoesNotContain(N("102"), changes.Keys);
    }

    [Fact]
    public void Remove_SubItem_LaterSubItemsTakeTheLetterBefore()
    {
        var changes = MinuteReordering.Remove(September, N("108a"));
        Assert.Equal(N("108a"), changes[N("108b")]);
        Assert.Single(changes);
    }

    [Fact]
    public void CheckRemove_ItemWithSubItems_Refused()
    {
        Assert.Equal("Remove the sub-items of minute 108 first", MinuteReordering.CheckRemove(September, N("108")));
        Assert.Null(MinuteReordering.CheckRemove(September, N("108b")));
    }

    [Fact]
    public void Remove_NumbersStayWithinTheMeetingsRun()
    {
        // A meeting numbered after a restart with a gap (the clerk skipped 3): later items take the previous number used.
        var items = Numbers("1", "2", "4", "5");
        var changes = MinuteReordering.Remove(items, N("2"));
        Assert.Equal(["1", "2", "2", "4"], Apply(items, changes));
    }
}
