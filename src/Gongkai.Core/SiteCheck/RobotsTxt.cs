using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.SiteCheck;

/// <summary>
/// A site's robots.txt as the check reads it (RFC 9309): groups of <c>User-agent</c> lines with their <c>Allow</c> and
/// <c>Disallow</c> rules and <c>Crawl-delay</c>. The group for a crawler is the one whose name its User-Agent contains
/// (the longest such name; groups of one name are merged), otherwise <c>*</c>. Of the rules that match a path the
/// longest wins, <c>Allow</c> on a tie; <c>*</c> matches any characters and a final <c>$</c> ends the path. No matching
/// rule, or no robots.txt, allows everything; /robots.txt itself is always allowed.
/// </summary>
public sealed class RobotsTxt
{
    public static readonly RobotsTxt AllowAll = new([]);

    private readonly IReadOnlyList<Group> groups;

    private RobotsTxt(IReadOnlyList<Group> groups) => this.groups = groups;

    private sealed record Rule(bool Allow, string Pattern, Regex Match);

    private sealed class Group
    {
        public List<string> Agents { get; } = [];
        public List<Rule> Rules { get; } = [];
        public TimeSpan? CrawlDelay { get; set; }
    }

    /// <summary>Reads robots.txt text; lines it does not understand are ignored, as the standard asks.</summary>
    public static RobotsTxt Parse(string? text)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#');
            if (hash >= 0)
                line = line[..hash];
            var colon = line.IndexOf(':');
            if (colon <= 0)
                continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = new Group();
                        groups.Add(current);
                    }
                    current.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    if (value.Length > 0)
                        current.Rules.Add(new Rule(key == "allow", value, Compile(value)));
                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                        current.CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, 3600));
                    break;
            }
            lastWasAgent = false;
        }
        return new RobotsTxt(groups);
    }

    /// <summary>Whether a crawler named by <paramref name="userAgent"/> may fetch <paramref name="pathAndQuery"/> (e.g. /a/b?c=1).</summary>
    public bool IsAllowed(string pathAndQuery, string userAgent)
    {
        var path = string.IsNullOrEmpty(pathAndQuery) ? "/" : pathAndQuery;
        if (path.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
            return true;
        Rule? best = null;
        foreach (var rule in RulesFor(userAgent))
        {
            if (!rule.Match.IsMatch(path))
                continue;
            if (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow))
                best = rule;
        }
        return best?.Allow ?? true;
    }

    /// <summary>The Crawl-delay the site asks of this crawler, if any.</summary>
    public TimeSpan? CrawlDelay(string userAgent) => Matching(userAgent).Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null);

    private IEnumerable<Rule> RulesFor(string userAgent) => Matching(userAgent).SelectMany(g => g.Rules);

    private IEnumerable<Group> Matching(string userAgent)
    {
        var ua = (userAgent ?? "").ToLowerInvariant();
        var name = groups.SelectMany(g => g.Agents).Where(a => a != "*" && a.Length > 0 && ua.Contains(a, StringComparison.Ordinal))
            .OrderByDescending(a => a.Length).FirstOrDefault() ?? "*";
        return groups.Where(g => g.Agents.Contains(name));
    }

    private static Regex Compile(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var regex = new StringBuilder("^");
        var parts = body.Split('*');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
                regex.Append(".*");
            regex.Append(Regex.Escape(parts[i]));
        }
        if (anchored)
            regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }
}
