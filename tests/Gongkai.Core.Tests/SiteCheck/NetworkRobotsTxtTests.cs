using Gongkai.Core.SiteCheck;

namespace Gongkai.Core.Tests.SiteCheck;

/// <summary>robots.txt as the site check honours it: the right group for our User-Agent, the longest rule winning, wildcards.</summary>
public class NetworkRobotsTxtTests
{
    private const string Ua = "Gongkai-SiteCheck/1.0 (政府网站自查)";

    [Fact]
    public void A_disallowed_folder_should_be_refused_and_the_rest_allowed()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /private/\n");

        Assert.False(robots.IsAllowed("/private/report.html", Ua));
        Assert.True(robots.IsAllowed("/public/report.html", Ua));
        Assert.True(robots.IsAllowed("/privateer", Ua));
    }

    [Fact]
    public void The_longest_matching_rule_should_win_and_allow_should_win_a_tie()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /xxgk/
            Allow: /xxgk/public/
            Disallow: /xxgk/public/draft
            Allow: /same
            Disallow: /same
            """);

        Assert.False(robots.IsAllowed("/xxgk/list", Ua));
        Assert.True(robots.IsAllowed("/xxgk/public/1.html", Ua));
        Assert.False(robots.IsAllowed("/xxgk/public/draft-1.html", Ua));
        Assert.True(robots.IsAllowed("/same", Ua));
    }

    [Fact]
    public void Wildcards_and_the_end_anchor_should_match_as_the_standard_says()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n");

        Assert.False(robots.IsAllowed("/files/a.pdf", Ua));
        Assert.True(robots.IsAllowed("/files/a.pdf?download=1", Ua));
        Assert.False(robots.IsAllowed("/search/?page=2&q=test", Ua));
        Assert.True(robots.IsAllowed("/search/?page=2", Ua));
    }

    [Fact]
    public void Our_own_group_should_apply_instead_of_the_star_group()
    {
        var robots = RobotsTxt.Parse("""
            # comments and blank lines are ignored

            User-agent: *
            Disallow: /

            User-agent: gongkai-sitecheck
            User-agent: otherbot
            Disallow: /private/
            Crawl-delay: 2.5
            """);

        Assert.True(robots.IsAllowed("/news/", Ua));
        Assert.False(robots.IsAllowed("/private/x", Ua));
        Assert.False(robots.IsAllowed("/news/", "SomeOtherCrawler/2.0"));
        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay(Ua));
        Assert.Null(robots.CrawlDelay("SomeOtherCrawler/2.0"));
    }

    [Fact]
    public void An_empty_disallow_and_robots_txt_itself_should_always_be_allowed()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n").IsAllowed("/anything", Ua));
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow: /\n").IsAllowed("/robots.txt", Ua));
        Assert.False(RobotsTxt.Parse("User-agent: *\nDisallow: /\n").IsAllowed("/", Ua));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/private/", Ua));
    }

    [Fact]
    public void Rules_before_any_user_agent_line_should_be_ignored()
    {
        var robots = RobotsTxt.Parse("Disallow: /\nUser-agent: *\nDisallow: /tmp/\n");

        Assert.True(robots.IsAllowed("/news/", Ua));
        Assert.False(robots.IsAllowed("/tmp/x", Ua));
    }
}
