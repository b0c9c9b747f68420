namespace Tracker.Tests.Support;

/// <summary>Browser tests share one app server and one Chromium; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The meetings and reminders browser tests, on an app server and Chromium of their own so they run
/// alongside the other browser tests (two collections keep the suite well inside ten minutes on 2 cores).
/// </summary>
[CollectionDefinition(Name)]
public sealed class MeetingsBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser: meetings and reminders";
}
