using System.Text;
using Microsoft.AspNetCore.Components.Forms;

namespace Tracker.App.Components.GovUk;

/// <summary>
/// The element id of a form field, derived from its name ("RiskTitle" → "risk-title"), so the error
/// summary can link to the field without each page naming ids twice.
/// </summary>
public static class GovUkIds
{
    public static string For(in FieldIdentifier field) => Kebab(field.FieldName);

    public static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '.') builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
            }
            else builder.Append(c == '.' ? '-' : c);
        }
        return builder.ToString();
    }
}
