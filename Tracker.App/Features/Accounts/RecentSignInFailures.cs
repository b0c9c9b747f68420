using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Tracker.App.Features.Accounts;

/// <summary>
/// Each account's failed sign-ins within <see cref="SignInThrottleOptions.FailureWindow"/>, kept in
/// memory. Identity's own count never expires (only a success or a lockout resets it), so a stranger
/// held to a few attempts an hour could still lock an account by adding them up over a day; here
/// only failures close together count. A restart forgets them (the lockout itself is in the database).
/// </summary>
public sealed class RecentSignInFailures(TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    /// <summary>Records a failure and answers how many the account has had within the window, this one included.</summary>
    public int Record(string userId)
    {
        var now = clock.GetUtcNow();
        var failures = _failures.GetOrAdd(userId, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            while (failures.Count > 0 && failures.Peek() <= now - options.Value.FailureWindow) failures.Dequeue();
            failures.Enqueue(now);
            return failures.Count;
        }
    }

    public void Forget(string userId) => _failures.TryRemove(userId, out _);
}
