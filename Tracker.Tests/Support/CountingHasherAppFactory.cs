using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracker.App.Features.Accounts;

namespace Tracker.Tests.Support;

/// <summary>The app with a password hasher that counts how often a password is checked.</summary>
public sealed class CountingHasherAppFactory : TrackerAppFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<TrackerUser>>(provider =>
            Hasher.Wrapping(new PasswordHasher<TrackerUser>(provider.GetService<IOptions<PasswordHasherOptions>>()))));
    }

    public sealed class CountingHasher
    {
        int _verifications;
        public int Verifications => Volatile.Read(ref _verifications);
        public void Reset() => Interlocked.Exchange(ref _verifications, 0);

        internal IPasswordHasher<TrackerUser> Wrapping(IPasswordHasher<TrackerUser> inner) => new Counting(this, inner);

        sealed class Counting(CountingHasher counter, IPasswordHasher<TrackerUser> inner) : IPasswordHasher<TrackerUser>
        {
            public string HashPassword(TrackerUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(TrackerUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter._verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
