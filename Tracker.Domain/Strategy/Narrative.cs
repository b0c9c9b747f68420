namespace Tracker.Domain.Strategy;

/// <summary>One block of a narrative: a paragraph, or a list of items.</summary>
public sealed record NarrativeBlock(bool IsList, IReadOnlyList<string> Lines);

/// <summary>
/// Narratives are stored as plain text: blank lines separate paragraphs, and lines starting with
/// "- ", "* " or "• " are list items. Pages render the blocks as &lt;p&gt; and &lt;ul&gt;, never as raw HTML.
/// </summary>
public static class Narrative
{
    public static IReadOnlyList<NarrativeBlock> Parse(string? text)
    {
        var blocks = new List<NarrativeBlock>();
        if (string.IsNullOrWhiteSpace(text)) return blocks;
        var paragraph = new List<string>();
        var list = new List<string>();

        void Flush()
        {
            if (paragraph.Count > 0) blocks.Add(new NarrativeBlock(false, [string.Join(" ", paragraph)]));
            if (list.Count > 0) blocks.Add(new NarrativeBlock(true, list.ToList()));
            paragraph.Clear();
            list.Clear();
        }

        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (ListItem(line) is { } item)
            {
                if (paragraph.Count > 0)
                {
                    blocks.Add(new NarrativeBlock(false, [string.Join(" ", paragraph)]));
                    paragraph.Clear();
                }
                list.Add(item);
            }
            else
            {
                if (list.Count > 0)
                {
                    blocks.Add(new NarrativeBlock(true, list.ToList()));
                    list.Clear();
                }
                paragraph.Add(line);
            }
        }
        Flush();
        return blocks;
    }

    static string? ListItem(string line)
    {
        foreach (var marker in new[] { "- ", "* ", "• " })
            if (line.StartsWith(marker, StringComparison.Ordinal)) return line[marker.Length..].Trim();
        return null;
    }
}
