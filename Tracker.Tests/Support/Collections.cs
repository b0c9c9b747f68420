namespace Tracker.Tests.Support;

/// <summary>Browser tests share one app server and one Chromium; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
