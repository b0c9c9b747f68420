namespace Tracker.App.Features.Admin;

/// <summary>
/// The audit trail records the entity's class name (<c>StrategyAction</c>, <c>IdentityUserRole`1</c>);
/// administrators read and filter by what the partnership calls those records ("Action", "User role").
/// </summary>
public static class AuditRecordTypes
{
    static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Partner"] = "Partner organisation",
        ["Person"] = "Person",
        ["Group"] = "Group",
        ["GroupMember"] = "Group member",
        ["Meeting"] = "Meeting",
        ["AgendaItem"] = "Agenda item",
        ["Attendance"] = "Attendance",
        ["MinuteItem"] = "Minute",
        ["Resolution"] = "Resolution",
        ["MatterArising"] = "Matter arising",
        ["MatterUpdate"] = "Matter arising update",
        ["SubGroupReport"] = "Sub-group report",
        ["CoverSheet"] = "Cover sheet",
        ["Strategy"] = "Strategy",
        ["Priority"] = "Priority",
        ["SubPriority"] = "Sub-priority",
        ["Objective"] = "Objective",
        ["StrategyAction"] = "Action",
        ["StrategyActionOwner"] = "Action owner",
        ["QuarterlyUpdate"] = "Quarterly update",
        ["QuarterLock"] = "Quarter sign-off",
        ["RollUpOverride"] = "RAG override",
        ["RagDefinition"] = "RAG definition",
        ["Metric"] = "Metric",
        ["MetricValue"] = "Metric value",
        ["Risk"] = "Risk",
        ["FurtherAction"] = "Further action",
        ["RiskAssessment"] = "Risk assessment",
        ["RiskReview"] = "Risk review",
        ["RiskSettings"] = "Risk register settings",
        ["RiskCategory"] = "Risk category",
        ["TrackerUser"] = "User",
        ["IdentityRole"] = "Role",
        ["IdentityUserRole`1"] = "User role",
        ["IdentityUserClaim`1"] = "User claim",
        ["IdentityUserLogin`1"] = "User sign-in provider",
        ["IdentityUserToken`1"] = "User token",
        ["IdentityRoleClaim`1"] = "Role claim",
    };

    /// <summary>"Matter arising" for <c>MatterArising</c>; a type not listed is spelt out from its name.</summary>
    public static string Label(string entityType) =>
        Names.TryGetValue(entityType, out var name) ? name : SpellOut(entityType);

    static string SpellOut(string typeName)
    {
        var name = typeName.Split('`')[0];
        if (name.StartsWith("Identity", StringComparison.Ordinal) && name.Length > "Identity".Length) name = name["Identity".Length..];
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(c);
        }
        return words.ToString();
    }
}
