using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tracker.App.Common;
using Tracker.App.Data;
using Tracker.App.Features.Accounts;
using Tracker.App.Features.Meetings;
using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.People;
using Tracker.Domain.Reminders;
using Tracker.Domain.Risks;
using Tracker.Domain.Strategy;

namespace Tracker.App.Features.Reminders;

/// <summary>What one run sent: new sends, failed sends (retried later) and reminders someone else had already claimed.</summary>
public sealed record SendSummary(int Sent, int Failed, int AlreadyClaimed)
{
    public static readonly SendSummary None = new(0, 0, 0);
    public SendSummary Add(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => this with { Sent = Sent + 1 },
        SendOutcome.Failed => this with { Failed = Failed + 1 },
        _ => this with { AlreadyClaimed = AlreadyClaimed + 1 },
    };
    public SendSummary Add(SendSummary other) => new(Sent + other.Sent, Failed + other.Failed, AlreadyClaimed + other.AlreadyClaimed);
}

public enum SendOutcome { Sent, Failed, AlreadyClaimed }

/// <summary>What the clerk's Chase did, in words for the page.</summary>
public sealed record ChaseResult(int Sent, int Failed, IReadOnlyList<string> NotSent, string? Denied = null)
{
    public string Message => Denied ?? string.Join(" ", new[]
    {
        Sent == 0 && Failed == 0 && NotSent.Count == 0 ? "Nobody has actions outstanding: no reminder was sent." : null,
        Sent > 0 ? $"Sent {Sent} reminder{(Sent == 1 ? "" : "s")}." : null,
        Failed > 0 ? $"{Failed} could not be sent now and will be retried (see Administration, Reminders)." : null,
        NotSent.Count > 0 ? "Not sent: " + string.Join("; ", NotSent) + "." : null,
    }.Where(s => s is not null));
}

/// <summary>A sent or failed email as the administrators' page lists it.</summary>
public sealed record ReminderMessageRow(int Id, string PersonName, string To, ReminderKind Kind, string Subject,
    ReminderMessageStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt,
    string? LastError, string TriggeredBy);

/// <summary>
/// Works out which reminders are due from the tracker's own data, records each one before sending
/// it (a unique record per person, kind, subject and occasion: nothing is sent twice, across restarts
/// and instances) and sends it. A failed send is kept and retried with back-off; it never throws to
/// the caller, so nothing that calls it is ever blocked by the mail server.
/// </summary>
public sealed class ReminderService(
    IDbContextFactory<TrackerDbContext> dbs, TimeProvider clock, IEmailSender sender, EmailOptions email,
    ReminderOptions options, ReminderLinks links, UnsubscribeTokens tokens, ICurrentUser user, ReviewCycle cycle, ILogger<ReminderService> log)
{
    const string Brand = "Safer Bromley Partnership";
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    DateOnly Today => DateOnly.FromDateTime(UkDates.ToLondon(clock.GetUtcNow()));

    static string DayMonth(DateOnly date) => date.ToString("d MMMM", UkDates.Culture);
    static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    sealed record Recipient(int PersonId, string Name, string? Email);
    sealed record Candidate(Recipient To, ReminderKind Kind, ReminderEmail Email, IReadOnlyList<(string About, string Occasion)> Covers);
    sealed record NextMeeting(int Id, int GroupId, string Group, DateOnly Date, DateOnly PapersDeadline)
    {
        public string Title => $"{Group} on {UkDates.Long(Date)}";
    }
    sealed record OutstandingAction(int Id, string Number, string Description);

    // ---------- the runs ----------

    /// <summary>Sends everything due now (and retries failed sends whose time has come). Returns what it did.</summary>
    public async Task<SendSummary> SendDueAsync(CancellationToken ct = default)
    {
        var summary = await RetryFailedAsync(ct);
        List<Candidate> due;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var people = await RecipientsAsync(db, ct);
            var off = await OptedOutAsync(db, ct);
            var claimed = (await db.ReminderRecords.AsNoTracking()
                    .Select(r => new { r.PersonId, r.Kind, r.About, r.Occasion }).ToListAsync(ct))
                .Select(r => (r.PersonId, r.Kind, r.About, r.Occasion)).ToHashSet();
            due = [];
            due.AddRange(await LeadRemindersAsync(db, people, null, null, ct));
            due.AddRange(await RiskRemindersAsync(db, people, ct));
            due.AddRange(await MatterRemindersAsync(db, people, ct));
            due.AddRange(await SubGroupReportRemindersAsync(db, people, ct));
            due.AddRange(await DigestsAsync(db, people, ct));
            // What was already claimed is never sent again; a person's opted-out kinds are never sent.
            due = due.Where(c => !off.Contains((c.To.PersonId, c.Kind)) && c.To.Email is not null
                                 && c.Covers.All(x => !claimed.Contains((c.To.PersonId, c.Kind, x.About, x.Occasion))))
                .ToList();
        }
        foreach (var candidate in due)
            summary = summary.Add(await ClaimAndSendAsync(candidate, "Schedule", ct));
        if (summary.Sent + summary.Failed > 0)
            log.LogInformation("Reminders: {Sent} sent, {Failed} failed, {Claimed} already claimed", summary.Sent, summary.Failed, summary.AlreadyClaimed);
        return summary;
    }

    /// <summary>Retries pending or failed sends whose time has come; each is leased first so two instances never both send it.</summary>
    public async Task<SendSummary> RetryFailedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<(int Id, DateTimeOffset NextAttemptAt)> waiting;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            waiting = (await db.ReminderMessages.AsNoTracking()
                    .Where(m => m.Status == ReminderMessageStatus.Pending || m.Status == ReminderMessageStatus.Failed)
                    .Select(m => new { m.Id, m.NextAttemptAt }).ToListAsync(ct))
                .Where(m => m.NextAttemptAt <= now).Select(m => (m.Id, m.NextAttemptAt)).ToList();
        }
        var summary = SendSummary.None;
        foreach (var (id, at) in waiting)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var leased = await db.ReminderMessages.Where(m => m.Id == id && m.NextAttemptAt == at
                    && (m.Status == ReminderMessageStatus.Pending || m.Status == ReminderMessageStatus.Failed))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now + Lease), ct);
            summary = summary.Add(leased == 1 ? await SendStoredAsync(id, ct) : SendOutcome.AlreadyClaimed);
        }
        return summary;
    }

    // ---------- the clerk's Chase ----------

    /// <summary>Sends one lead their reminder now (whatever the schedule), if they have actions outstanding.</summary>
    public async Task<ChaseResult> ChaseLeadAsync(int personId, CancellationToken ct = default) => await ChaseAsync(personId, ct);

    /// <summary>Sends every lead with actions outstanding their reminder now.</summary>
    public async Task<ChaseResult> ChaseAllOutstandingAsync(CancellationToken ct = default) => await ChaseAsync(null, ct);

    async Task<ChaseResult> ChaseAsync(int? personId, CancellationToken ct)
    {
        if (!user.IsAdministrator()) return new(0, 0, [], "Only the clerk (an administrator) can chase leads.");
        var occasion = "chase:" + clock.GetUtcNow().ToString("yyyyMMddTHHmmssfff", CultureInfo.InvariantCulture);
        List<Candidate> candidates;
        HashSet<(int, ReminderKind)> off;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var people = await RecipientsAsync(db, ct);
            off = await OptedOutAsync(db, ct);
            candidates = await LeadRemindersAsync(db, people, personId, occasion, ct);
        }
        var notSent = new List<string>();
        int sent = 0, failed = 0;
        foreach (var c in candidates)
        {
            if (c.To.Email is null) { notSent.Add($"{c.To.Name} has no email address"); continue; }
            if (off.Contains((c.To.PersonId, c.Kind))) { notSent.Add($"{c.To.Name} has turned off action update reminders"); continue; }
            switch (await ClaimAndSendAsync(c, user.DisplayName, ct))
            {
                case SendOutcome.Sent: sent++; break;
                case SendOutcome.Failed: failed++; break;
            }
        }
        if (personId is not null && candidates.Count == 0) notSent.Add("this lead has no actions outstanding");
        return new ChaseResult(sent, failed, notSent);
    }

    /// <summary>When each lead was last sent an action-update reminder (by the schedule or a chase), by person.</summary>
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> LastRemindedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sent = await db.ReminderMessages.AsNoTracking()
            .Where(m => m.Kind == ReminderKind.ActionUpdates && m.Status == ReminderMessageStatus.Sent)
            .Select(m => new { m.PersonId, m.SentAt }).ToListAsync(ct);
        return sent.Where(m => m.SentAt is not null).GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.Max(m => m.SentAt!.Value));
    }

    public async Task<DateTimeOffset?> LastRemindedAsync(int personId, CancellationToken ct = default) =>
        (await LastRemindedAsync(ct)).TryGetValue(personId, out var at) ? at : null;

    /// <summary>The latest sends, newest first, for the administrators' page.</summary>
    public async Task<IReadOnlyList<ReminderMessageRow>> RecentAsync(bool failedOnly = false, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.ReminderMessages.AsNoTracking();
        if (failedOnly) query = query.Where(m => m.Status != ReminderMessageStatus.Sent);
        var rows = await query.OrderByDescending(m => m.Id).Take(take)
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new ReminderMessageRow(m.Id, p.Name, m.To, m.Kind, m.Subject,
                m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError, m.TriggeredBy))
            .ToListAsync(ct);
        return rows;
    }

    /// <summary>An administrator retries a failed (or given up) send now.</summary>
    public async Task<SendOutcome?> RetryNowAsync(int messageId, CancellationToken ct = default)
    {
        if (!user.IsAdministrator()) return null;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var leased = await db.ReminderMessages
                .Where(m => m.Id == messageId && m.Status != ReminderMessageStatus.Sent && m.Status != ReminderMessageStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, ReminderMessageStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, clock.GetUtcNow() + Lease), ct);
            if (leased == 0) return SendOutcome.AlreadyClaimed;
        }
        return await SendStoredAsync(messageId, ct);
    }

    // ---------- recording and sending ----------

    async Task<SendOutcome> ClaimAndSendAsync(Candidate c, string triggeredBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var unsubscribe = links.To("/reminders/unsubscribe?token=" + Uri.EscapeDataString(tokens.Create(c.To.PersonId, c.Kind)));
        var mail = c.Email with { UnsubscribeUrl = unsubscribe };
        int id;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var message = new ReminderMessage
            {
                PersonId = c.To.PersonId, Kind = c.Kind, To = c.To.Email!, Subject = mail.Subject, TextBody = mail.Text(),
                HtmlBody = mail.Html(), UnsubscribeUrl = unsubscribe, TriggeredBy = triggeredBy, Status = ReminderMessageStatus.Pending,
                CreatedAt = now, NextAttemptAt = now + Lease,
            };
            foreach (var (about, occasion) in c.Covers) message.Covers(about, occasion);
            db.ReminderMessages.Add(message);
            // Another run (another instance, or the command line) claimed it first: a refusal, not an error.
            var saved = await db.SaveNewAsync(() => SaveResult.Saved(message.Id, 0), ct);
            if (!saved.Succeeded) return SendOutcome.AlreadyClaimed;
            id = saved.Id;
        }
        return await SendStoredAsync(id, ct);
    }

    async Task<SendOutcome> SendStoredAsync(int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var message = await db.ReminderMessages.SingleAsync(m => m.Id == id, ct);
        var name = await db.People.Where(p => p.Id == message.PersonId).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? "";
        SendOutcome outcome;
        message.Attempts++;
        try
        {
            var mime = ReminderEmail.ToMime(email.From, message.To, name, message.Subject, message.TextBody, message.HtmlBody, message.UnsubscribeUrl);
            await sender.SendAsync(mime, ct);
            message.Status = ReminderMessageStatus.Sent;
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
            outcome = SendOutcome.Sent;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Reminder {Id} to {To} could not be sent (attempt {Attempt})", message.Id, message.To, message.Attempts);
            message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            message.Status = message.Attempts >= ReminderSchedule.MaxAttempts ? ReminderMessageStatus.GaveUp : ReminderMessageStatus.Failed;
            message.NextAttemptAt = clock.GetUtcNow() + ReminderSchedule.RetryDelay(message.Attempts);
            outcome = SendOutcome.Failed;
        }
        // Recording the outcome must not fail the caller either (a busy database is retried by the next run).
        try { await db.SaveChangesAsync(CancellationToken.None); }
        catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
        {
            log.LogWarning(e, "Reminder {Id}: the outcome could not be recorded", id);
        }
        return outcome;
    }

    // ---------- who ----------

    /// <summary>Every active person, at their own email, else their account's (partner staff without accounts have only the former).</summary>
    static async Task<Dictionary<int, Recipient>> RecipientsAsync(TrackerDbContext db, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => new { p.Id, p.Name, p.Email }).ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.PersonId != null && !u.IsDisabled && u.Email != null)
            .Select(u => new { PersonId = u.PersonId!.Value, u.Email }).ToListAsync(ct);
        var accountEmail = accounts.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.First().Email);
        return people.ToDictionary(p => p.Id, p => new Recipient(p.Id, p.Name,
            !string.IsNullOrWhiteSpace(p.Email) ? p.Email : accountEmail.GetValueOrDefault(p.Id)));
    }

    static async Task<HashSet<(int, ReminderKind)>> OptedOutAsync(TrackerDbContext db, CancellationToken ct) =>
        (await db.ReminderPreferences.AsNoTracking().Where(p => !p.Enabled).Select(p => new { p.PersonId, p.Kind }).ToListAsync(ct))
        .Select(p => (p.PersonId, p.Kind)).ToHashSet();

    // ---------- what ----------

    /// <summary>
    /// Leads' reminders for the next Strategic Group meeting: the actions with no update for the
    /// quarter under review. On the schedule (<paramref name="occasion"/> null) only 7 and 2 days
    /// (configurable) before the papers deadline; a chase passes its own occasion and sends now.
    /// </summary>
    async Task<List<Candidate>> LeadRemindersAsync(TrackerDbContext db, IReadOnlyDictionary<int, Recipient> people, int? onlyPerson,
        string? occasion, CancellationToken ct)
    {
        var review = await cycle.NowAsync(ct);
        if (review.Meeting is not { } meeting) return [];
        if (occasion is null)
        {
            if (ReminderSchedule.LeadOccasion(Today, meeting.PapersDeadline, options.LeadDays) is not { } days) return [];
            occasion = $"{days}d";
        }
        var quarter = review.Quarter;
        var byLead = await OutstandingByLeadAsync(db, quarter, ct);
        var result = new List<Candidate>();
        foreach (var (personId, actions) in byLead.OrderBy(x => x.Key))
        {
            if (onlyPerson is not null && personId != onlyPerson) continue;
            if (!people.TryGetValue(personId, out var to)) continue;
            var count = actions.Count;
            var mail = new ReminderEmail(
                $"{Brand}: {Plural(count, "action update", "action updates")} due by {DayMonth(meeting.PapersDeadline)}",
                $"Dear {to.Name},",
                [
                    $"Please update {(count == 1 ? "this action" : $"these {count} actions")} for {quarter.Label} by {UkDates.Long(meeting.PapersDeadline)}, the papers deadline for the {meeting.Title}.",
                    "For each action, give its RAG status and a short narrative of progress.",
                ],
                [new EmailSection($"Actions to update for {quarter.Label}", actions.Select(a => new EmailItem(
                    $"Action {a.Number}: {a.Description}",
                    links.To($"/actions/{a.Id}/update?year={quarter.Year}&quarter={quarter.Quarter}"))).ToList())],
                [$"All your actions: {links.To("/actions/my")}"],
                "You get this because you own or lead these actions in the Safer Bromley Partnership tracker.",
                null, links.To("/account/reminders"));
            result.Add(new Candidate(to, ReminderKind.ActionUpdates, mail, [($"meeting:{meeting.Id}", occasion)]));
        }
        return result;
    }

    /// <summary>
    /// The actions without an update for <paramref name="quarter"/>, by each person who should give it:
    /// its owners and its owning sub-group's leads (as "Your updates" lists them). Retired actions,
    /// objectives and priorities, earlier strategies and signed-off quarters are left out.
    /// </summary>
    static async Task<Dictionary<int, List<OutstandingAction>>> OutstandingByLeadAsync(TrackerDbContext db, FinancialQuarter quarter, CancellationToken ct)
    {
        // As "My updates" and the completeness board: the current strategy only (the one whose years cover the
        // quarter under review); an earlier strategy is history and is not chased for this quarter.
        var current = await Tracker.App.Features.Strategy.StrategyQueries.StrategyOfQuarterAsync(db, quarter, ct);
        var locked = await db.QuarterLocks.AsNoTracking().Where(l => l.Year == quarter.Year && l.Quarter == quarter.Quarter)
            .Select(l => l.StrategyId).ToListAsync(ct);
        var actions = await db.StrategyActions.AsNoTracking()
            .Where(a => !a.IsRetired && !a.Objective!.IsRetired && !a.Objective.Priority!.IsRetired
                        && a.Objective.Priority.StrategyId == current && !locked.Contains(a.Objective.Priority.StrategyId)
                        && !a.Updates.Any(u => u.Year == quarter.Year && u.Quarter == quarter.Quarter))
            .OrderBy(a => a.Objective!.Priority!.Number).ThenBy(a => a.Objective!.Order).ThenBy(a => a.Order)
            .Select(a => new
            {
                a.Id, a.Number, a.Description,
                Owners = a.Owners.Select(o => o.PersonId).ToList(),
                Leads = a.OwningGroup!.Members.Where(m => m.IsLead).Select(m => m.PersonId).ToList(),
            })
            .ToListAsync(ct);
        var byLead = new Dictionary<int, List<OutstandingAction>>();
        foreach (var a in actions)
            foreach (var person in a.Owners.Concat(a.Leads).Distinct())
            {
                if (!byLead.TryGetValue(person, out var list)) byLead[person] = list = [];
                list.Add(new OutstandingAction(a.Id, a.Number, a.Description));
            }
        return byLead;
    }

    /// <summary>Leads of a risk's owning group, when its review is due within 14 days or overdue: one email each, listing the risks.</summary>
    async Task<List<Candidate>> RiskRemindersAsync(TrackerDbContext db, IReadOnlyDictionary<int, Recipient> people, CancellationToken ct)
    {
        var today = Today;
        var horizon = today.AddDays(ReminderSchedule.RiskReviewDays);
        var risks = await db.Risks.AsNoTracking()
            .Where(r => r.Status == RiskStatus.Open && r.NextReviewDate != null && r.NextReviewDate <= horizon)
            .Select(r => new { r.Id, r.Reference, r.Title, Due = r.NextReviewDate!.Value, r.OwnerGroupId }).ToListAsync(ct);
        if (risks.Count == 0) return [];
        var leads = await GroupLeadsAsync(db, ct);
        var result = new List<Candidate>();
        foreach (var group in risks.SelectMany(r => leads.GetValueOrDefault(r.OwnerGroupId, []).Select(p => (Person: p, Risk: r))).GroupBy(x => x.Person))
        {
            if (!people.TryGetValue(group.Key, out var to)) continue;
            var items = group.Select(x => x.Risk).OrderBy(r => r.Due).ToList();
            var overdue = items.Count(r => r.Due < today);
            var subject = overdue == items.Count
                ? $"{Brand}: {Plural(items.Count, "risk review", "risk reviews")} overdue"
                : $"{Brand}: {Plural(items.Count, "risk review", "risk reviews")} due by {DayMonth(items.Max(r => r.Due))}";
            var mail = new ReminderEmail(subject, $"Dear {to.Name},",
                [$"{(items.Count == 1 ? "This risk, owned by your group, is" : "These risks, owned by your group, are")} due for review{(overdue > 0 ? $" ({overdue} overdue)" : "")}. Please review the assessment, controls and further actions, and record the review in the tracker."],
                [new EmailSection("Risks to review", items.Select(r => new EmailItem($"{r.Reference}: {r.Title}", links.To($"/risks/{r.Id}"),
                    r.Due < today ? $"Review overdue since {UkDates.Long(r.Due)}" : $"Review due by {UkDates.Long(r.Due)}")).ToList())],
                [$"The risk register: {links.To("/risks")}"],
                "You get this because you lead the group that owns these risks in the Safer Bromley Partnership tracker.",
                null, links.To("/account/reminders"));
            result.Add(new Candidate(to, ReminderKind.RiskReviews, mail,
                items.Select(r => ($"risk:{r.Id}", ReminderSchedule.RiskOccasion(r.Due, today))).ToList()));
        }
        return result;
    }

    /// <summary>
    /// Owners (by initials) of open matters arising due by the next meeting of their group (or with no
    /// date, carried forward to it), from the first lead-reminder day before that meeting's papers deadline.
    /// Collective owners ("SBP", "All Partners") name nobody to remind.
    /// </summary>
    async Task<List<Candidate>> MatterRemindersAsync(TrackerDbContext db, IReadOnlyDictionary<int, Recipient> people, CancellationToken ct)
    {
        var today = Today;
        var nextByGroup = (await db.Meetings.AsNoTracking().Where(m => m.PapersDeadline >= today && (m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.PapersPublished))
                .Select(m => new NextMeeting(m.Id, m.GroupId, m.Group!.ShortName, m.Date, m.PapersDeadline)).ToListAsync(ct))
            .GroupBy(m => m.GroupId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Date).ThenBy(m => m.Id).First());
        var window = options.LeadDays.Max();
        var matters = await db.MattersArising.AsNoTracking().Where(m => m.Status == MatterStatus.Open)
            .Select(m => new { m.Id, m.GroupId, m.MinuteNumber, m.Title, m.ResolutionText, m.Owners, DueDate = (DateOnly?)m.DueMeeting!.Date })
            .ToListAsync(ct);
        var initials = await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => new { p.Id, p.Initials }).ToListAsync(ct);
        var byInitials = initials.GroupBy(p => p.Initials.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First().Id);
        var due = new List<(int Person, NextMeeting Meeting, int Id, string Text, string Detail)>();
        foreach (var m in matters)
        {
            if (!nextByGroup.TryGetValue(m.GroupId, out var next)) continue;
            if (ReminderSchedule.LeadOccasion(today, next.PapersDeadline, [window]) is null) continue;
            if (m.DueDate is { } dueDate && dueDate > next.Date) continue;
            foreach (var code in ActionOwners.Codes(m.Owners))
                if (byInitials.TryGetValue(code.ToUpperInvariant(), out var person))
                    due.Add((person, next, m.Id, $"Minute {m.MinuteNumber}: {m.Title}", m.ResolutionText));
        }
        var result = new List<Candidate>();
        foreach (var group in due.GroupBy(d => d.Person))
        {
            if (!people.TryGetValue(group.Key, out var to)) continue;
            var items = group.ToList();
            var by = items.Min(i => i.Meeting.PapersDeadline);
            var mail = new ReminderEmail(
                $"{Brand}: {Plural(items.Count, "matter arising", "matters arising")} to update by {DayMonth(by)}",
                $"Dear {to.Name},",
                [$"Please add an update to {(items.Count == 1 ? "this matter arising" : "these matters arising")} by {UkDates.Long(by)}, the papers deadline for the next meeting, so the matters arising report is complete."],
                [new EmailSection("Matters arising", items.Select(i => new EmailItem(i.Text, links.To($"/matters-arising/{i.Id}"),
                    $"{i.Detail} (for the {i.Meeting.Title})")).ToList())],
                [$"The matters arising log: {links.To("/matters-arising")}"],
                "You get this because the minutes name you as an owner of these matters arising.",
                null, links.To("/account/reminders"));
            result.Add(new Candidate(to, ReminderKind.MattersArising, mail, items.Select(i => ($"matter:{i.Id}", $"meeting:{i.Meeting.Id}")).ToList()));
        }
        return result;
    }

    /// <summary>A sub-group's leads, 7 and 2 days before the next Strategic Group's papers deadline, when the sub-group's report is not filed.</summary>
    async Task<List<Candidate>> SubGroupReportRemindersAsync(TrackerDbContext db, IReadOnlyDictionary<int, Recipient> people, CancellationToken ct)
    {
        var meeting = (await cycle.NowAsync(ct)).Meeting;
        if (meeting is null || ReminderSchedule.LeadOccasion(Today, meeting.PapersDeadline, options.LeadDays) is not { } days) return [];
        var filed = await db.SubGroupReports.AsNoTracking().Where(r => r.MeetingId == meeting.Id).Select(r => r.SubGroupId).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.SubGroup && !filed.Contains(g.Id))
            .Select(g => new { g.Id, g.Name, g.ShortName, Leads = g.Members.Where(m => m.IsLead).Select(m => m.PersonId).ToList() })
            .OrderBy(g => g.Name).ToListAsync(ct);
        var result = new List<Candidate>();
        foreach (var g in groups)
            foreach (var lead in g.Leads)
            {
                if (!people.TryGetValue(lead, out var to)) continue;
                var mail = new ReminderEmail(
                    $"{Brand}: {g.ShortName} report due by {DayMonth(meeting.PapersDeadline)}",
                    $"Dear {to.Name},",
                    [$"The {g.Name} report for the {meeting.Title} is not filed yet. Papers are due by {UkDates.Long(meeting.PapersDeadline)}.",
                     "The report follows the standard template: Operational Update, Strategic Group Update, Action Plan Update and Action for the Safer Bromley Partnership."],
                    [new EmailSection("Report to file", [new EmailItem($"{g.Name} report for the {meeting.Title}",
                        links.To($"/meetings/{meeting.Id}/sub-group-reports/{g.Id}"))])],
                    [],
                    "You get this because you lead this sub-group in the Safer Bromley Partnership tracker.",
                    null, links.To("/account/reminders"));
                result.Add(new Candidate(to, ReminderKind.SubGroupReport, mail, [($"report:{meeting.Id}:{g.Id}", $"{days}d")]));
            }
        return result;
    }

    static async Task<Dictionary<int, List<int>>> GroupLeadsAsync(TrackerDbContext db, CancellationToken ct) =>
        (await db.GroupMembers.AsNoTracking().Where(m => m.IsLead).Select(m => new { m.GroupId, m.PersonId }).ToListAsync(ct))
        .GroupBy(m => m.GroupId).ToDictionary(g => g.Key, g => g.Select(m => m.PersonId).ToList());

    static readonly Dictionary<string, string> ChangeNames = new()
    {
        ["QuarterlyUpdate"] = "action updates", ["StrategyAction"] = "actions", ["Risk"] = "risks", ["RiskAssessment"] = "risk reassessments",
        ["RiskReview"] = "risk reviews", ["FurtherAction"] = "risks' further actions", ["MatterArising"] = "matters arising",
        ["MatterUpdate"] = "matter arising updates", ["Meeting"] = "meetings", ["MinuteItem"] = "minute items", ["Resolution"] = "resolutions",
        ["SubGroupReport"] = "sub-group reports", ["Person"] = "people", ["MetricValue"] = "metric figures", ["QuarterLock"] = "quarter sign-offs",
        ["RollUpOverride"] = "RAG overrides",
    };

    /// <summary>
    /// The weekly digest, for the chair and the clerk (accounts in the Chair or Administrator role):
    /// completeness for the next meeting, risks above appetite or overdue, matters overdue, and what
    /// changed since the last digest (from the audit trail).
    /// </summary>
    async Task<List<Candidate>> DigestsAsync(TrackerDbContext db, IReadOnlyDictionary<int, Recipient> people, CancellationToken ct)
    {
        var today = Today;
        if (ReminderSchedule.DigestOccasion(today, options.DigestDay) is not { } week) return [];
        var roleIds = await db.Roles.AsNoTracking().Where(r => r.Name == TrackerRoles.Chair || r.Name == TrackerRoles.Administrator)
            .Select(r => r.Id).ToListAsync(ct);
        var readers = await db.Users.AsNoTracking()
            .Where(u => u.PersonId != null && !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => u.PersonId!.Value).Distinct().ToListAsync(ct);
        if (readers.Count == 0) return [];

        // Completeness for the next meeting's quarter.
        var completeness = new List<EmailItem>();
        var review = await cycle.NowAsync(ct);
        string headline;
        if (review.Meeting is { } meeting)
        {
            var quarter = review.Quarter;
            var outstanding = await OutstandingByLeadAsync(db, quarter, ct);
            var actions = outstanding.Values.SelectMany(a => a).Select(a => a.Id).Distinct().Count();
            headline = $"{Plural(actions, "action update", "action updates")} outstanding, papers due by {DayMonth(meeting.PapersDeadline)}";
            completeness.Add(new EmailItem($"{Plural(actions, "action has", "actions have")} no update for {quarter.Label}; papers for the {meeting.Title} are due by {UkDates.Long(meeting.PapersDeadline)}.",
                links.To("/actions/completeness")));
            foreach (var (personId, list) in outstanding.OrderByDescending(x => x.Value.Count).ThenBy(x => people.GetValueOrDefault(x.Key)?.Name))
                completeness.Add(new EmailItem($"{people.GetValueOrDefault(personId)?.Name ?? "Someone"}: {Plural(list.Count, "action", "actions")} to update"));
        }
        else headline = "no Strategic Group meeting scheduled";

        // Risks above appetite or overdue for review.
        var settings = await db.RiskSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new RiskSettings();
        var appetites = await db.RiskCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Appetite, ct);
        var risks = await db.Risks.AsNoTracking().Where(r => r.Status == RiskStatus.Open).OrderBy(r => r.Id).ToListAsync(ct);
        var riskItems = new List<EmailItem>();
        foreach (var r in risks)
        {
            var score = (r.Net ?? r.Gross).Score;
            var above = settings.IsAboveAppetite(score, r.CategoryCodes, appetites);
            var overdue = r.IsReviewOverdue(today);
            if (!above && !overdue) continue;
            var why = string.Join("; ", new[] { above ? $"net score {score} is above appetite" : null, overdue ? $"review overdue since {UkDates.Long(r.NextReviewDate!.Value)}" : null }.Where(s => s is not null));
            riskItems.Add(new EmailItem($"{r.Reference}: {r.Title}", links.To($"/risks/{r.Id}"), why));
        }

        // Matters overdue: open, and due by a meeting already held.
        var matters = await db.MattersArising.AsNoTracking()
            .Where(m => m.Status == MatterStatus.Open && m.DueMeetingId != null && m.DueMeeting!.Date < today)
            .Select(m => new { m.Id, m.MinuteNumber, m.Title, m.Owners, Due = m.DueMeeting!.Date }).ToListAsync(ct);
        var matterItems = matters.OrderBy(m => m.Due).Select(m => new EmailItem($"Minute {m.MinuteNumber}: {m.Title} ({m.Owners})",
            links.To($"/matters-arising/{m.Id}"), $"Due by the meeting on {UkDates.Long(m.Due)}")).ToList();

        // What changed since the last digest (or the last 7 days).
        var lastDigest = await db.ReminderMessages.AsNoTracking().Where(m => m.Kind == ReminderKind.WeeklyDigest && m.Status == ReminderMessageStatus.Sent)
            .Select(m => m.SentAt).ToListAsync(ct);
        var since = lastDigest.Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(clock.GetUtcNow().AddDays(-7)).Max();
        var changes = (await db.AuditEntries.AsNoTracking().Where(a => a.At > since).Select(a => new { a.EntityType, a.Action }).ToListAsync(ct))
            .Where(a => ChangeNames.ContainsKey(a.EntityType))
            .GroupBy(a => a.EntityType).OrderBy(g => ChangeNames[g.Key])
            .Select(g => new EmailItem($"{ChangeNames[g.Key]}: " + string.Join(", ", g.GroupBy(a => a.Action).OrderBy(a => a.Key)
                .Select(a => $"{a.Count()} {(a.Key switch { "Added" => "added", "Modified" => "changed", "Deleted" => "removed", _ => a.Key.ToLowerInvariant() })}"))))
            .ToList();

        var sections = new List<EmailSection>
        {
            new("Completeness", completeness, "No Strategic Group meeting is scheduled."),
            new("Risks above appetite or overdue for review", riskItems, "None."),
            new("Matters arising overdue", matterItems, "None."),
            new($"What changed since {UkDates.LongWithTime(since)}", changes, "Nothing was changed."),
        };
        var result = new List<Candidate>();
        foreach (var personId in readers)
        {
            if (!people.TryGetValue(personId, out var to)) continue;
            var mail = new ReminderEmail($"{Brand} weekly digest: {headline}", $"Dear {to.Name},",
                ["Here is this week's summary of the partnership's tracker."], sections,
                [$"Open the tracker: {links.To("/")}"],
                "You get this because you are the chair or the clerk of the Safer Bromley Partnership.",
                null, links.To("/account/reminders"));
            result.Add(new Candidate(to, ReminderKind.WeeklyDigest, mail, [("digest", week)]));
        }
        return result;
    }
}
