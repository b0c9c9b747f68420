using Tracker.App.Features.Reminders;

namespace Tracker.App.Hosting;

public static class ReminderServices
{
    /// <summary>
    /// Email (pickup folder by default, SMTP by configuration), the reminder rules and records, the
    /// daily background run (<c>Reminders:Enabled</c>) and the unsubscribe tokens.
    /// </summary>
    public static void AddReminders(this WebApplicationBuilder builder)
    {
        var email = builder.Configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();
        var options = builder.Configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions();
        builder.Services.AddSingleton(email);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IEmailSender>(_ => email.IsSmtp
            ? new SmtpEmailSender(email.Smtp)
            : new PickupEmailSender(email.PickupDirectory is { Length: > 0 } folder
                ? Path.GetFullPath(folder, builder.Environment.ContentRootPath)
                : Path.Combine(DatabaseServices.DataFolder(builder.Configuration, builder.Environment.ContentRootPath), "mail")));
        builder.Services.AddSingleton<ReminderLinks>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddScoped<UnsubscribeNames>();
        builder.Services.AddScoped<ReminderService>();
        builder.Services.AddScoped<ReminderPreferencesService>();
        if (options.Enabled) builder.Services.AddHostedService<ReminderBackgroundService>();
    }
}
