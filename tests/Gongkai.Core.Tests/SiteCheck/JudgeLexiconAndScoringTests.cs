using Gongkai.Core.SiteCheck;

namespace Gongkai.Core.Tests.SiteCheck;

/// <summary>严重错误 (国办秘函〔2019〕19号 单项否决) lexicon matching, and the scored part of the check.</summary>
public class JudgeLexiconAndScoringTests
{
    private static readonly DateOnly Today = new(2025, 6, 16);

    [Fact]
    public void 国办秘函2019_19号_严重错误_terms_are_found_in_html_with_context_either_side()
    {
        var entry = new LexiconTerm("e1", LexiconKind.WrongName, "国家卫生计生委", "国家卫生健康委");
        var html = "<p>根据<b>国家卫生</b>计生委&nbsp;通知要求，</p><p>各地应当……国家卫生计生委再次强调加强管理。</p>";
        var hits = LexiconMatch.Find(html, [entry]);
        Assert.Equal(2, hits.Count);
        Assert.Equal([0, 1], hits.Select(h => h.Occurrence));
        Assert.Equal("根据国家卫生计生委 通知要求， 各地应当……国家…", hits[0].Context);
        Assert.Equal("…生委 通知要求， 各地应当……国家卫生计生委再次强调加强管理。", hits[1].Context);
        Assert.Equal("名称职务错误：「国家卫生计生委」应为「国家卫生健康委」", hits[0].Describe());
        // The hash identifies a hit by its text, not by where it is.
        Assert.Equal(hits[1].ContextHash, LexiconMatch.Find("<div>前言。</div>" + html, [entry])[1].ContextHash);
        Assert.Empty(LexiconMatch.Find("<script>var s='国家卫生计生委';</script><p>国家卫生健康委</p>", [entry]));
    }

    [Fact]
    public void 国办秘函2019_19号_严重错误_an_occurrence_inside_the_correct_form_is_not_a_hit_when_the_correction_contains_the_term()
    {
        // The term alone is wrong (an abbreviated, ambiguous name); inside the full correct name it is right.
        var entry = new LexiconTerm("e1", LexiconKind.WrongName, "秘书局", "国务院办公厅秘书局");
        var hits = LexiconMatch.Find("国务院办公厅秘书局印发通知。秘书局另行通知。省政府办公厅秘书局转发。", [entry]);
        Assert.Equal(2, hits.Count);
        Assert.Contains("秘书局另行通知", hits[0].Context);
        Assert.StartsWith("…", hits[1].Context);
        Assert.Contains("省政府办公厅秘书局转发", hits[1].Context);

        // A correction that does not contain the term skips nothing: 「国务院办公厅秘书局」 inside a longer name is a hit.
        var renamed = new LexiconTerm("e2", LexiconKind.WrongName, "国务院办公厅秘书局", "国务院办公厅秘书二局");
        Assert.Single(LexiconMatch.Find("中华人民共和国国务院办公厅秘书局", [renamed]));
        Assert.Empty(LexiconMatch.Find("国务院办公厅秘书二局", [renamed]));
    }

    private static Finding F(string rule, string label) => new(rule, "t", "e", new FindingTarget("x", label, label), 2, label);

    [Fact]
    public void 国办秘函2019_19号_scoring_deducts_each_line_up_to_its_cap_and_adds_bonuses_up_to_30()
    {
        var findings = new List<Finding>();
        findings.AddRange(Enumerable.Range(1, 12).Select(i => F(FindingRules.ColumnStale, $"栏目{i}")));      // 12 × 2 = 24 → 20
        findings.Add(F(FindingRules.ColumnPolicyStale, "政策文件"));                                          // 5
        findings.AddRange(Enumerable.Range(1, 3).Select(i => F(FindingRules.DeadLink, $"链接{i}")));          // 3
        findings.AddRange(Enumerable.Range(1, 7).Select(i => F(FindingRules.InterpretationMissing, $"政策{i}"))); // 14 → 10
        findings.Add(F(FindingRules.NoRecentAnswer, "市长信箱"));                                             // 3
        findings.Add(F(FindingRules.GuideIncomplete, "指南"));                                                // 2
        findings.Add(F(FindingRules.Lexicon, "不计分"));                                                      // veto only
        // One site with 2 failures of 168 (1.2%): 2 points.
        var probes = Enumerable.Range(1, 7).SelectMany(d => Enumerable.Range(0, 24).Select(i =>
            new Probe(Today.AddDays(-d).ToDateTime(new TimeOnly(i, 0)), !(d == 1 && i < 2)))).ToList();
        var reach = Reachability.Judge("门户", probes, Today);
        var deductions = SiteScoring.Deductions(findings, [reach]);
        var byCode = deductions.ToDictionary(d => d.Code, d => d.Counted);
        Assert.Equal(20, byCode["deduct.column-stale"]);
        Assert.Equal(24, deductions.Single(d => d.Code == "deduct.column-stale").Points);
        Assert.Equal(5, byCode["deduct.policy-column-stale"]);
        Assert.Equal(3, byCode["deduct.dead-links"]);
        Assert.Equal(10, byCode["deduct.interpretation-missing"]);
        Assert.Equal(3, byCode["deduct.no-recent-answer"]);
        Assert.Equal(2, byCode["deduct.guide-incomplete"]);
        Assert.Equal(2, byCode[SiteScoring.ReachabilityCode]);
        Assert.Equal(0, byCode["deduct.catalog-overdue"]);

        var bonuses = SiteScoring.Bonuses(new BonusFacts(["图表图解", "音视频"], ["访谈1", "访谈2", "访谈3", "访谈4"], ["征集1"], ["回应1"]));
        var card = new Scorecard([new VetoResult(VetoRule.Unreachable, "门户", true, [])], deductions, bonuses);
        Assert.Equal(45, card.Deducted);           // 20 + 5 + 3 + 10 + 3 + 2 + 2
        Assert.Equal(4 + 6 + 2 + 1, card.Bonus);   // 访谈 4 × 2 = 8 → 6
        Assert.Equal(100 - 45 + 13, card.Score);
        Assert.True(card.Passed);
        // Any failed veto fails the site whatever the score.
        Assert.False((card with { Vetoes = [new VetoResult(VetoRule.SeriousErrors, "门户", false, [])] }).Passed);
    }

    [Fact]
    public void 国办秘函2019_19号_the_judge_lists_the_vetoes_in_order_one_per_site_and_publishing_account()
    {
        var unit = new FindingTarget("unit", "u1", "青岚市人民政府");
        var facts = new SiteFacts(unit, Today, FreshnessPeriods.Default, [new SiteProbes("s1", "门户", [])],
            [new ColumnFacts("c1", "工作动态", UpdateClass.News, true, true, true, Today.AddDays(-2), 5, true)],
            [new Finding(FindingRules.Lexicon, "严重错误", "「国家卫生计生委」应为「国家卫生健康委」", new FindingTarget("item", "i1", "《通知》"), 0, "lexicon:e1:i1:x", true)],
            ["市长信箱"], [], true, Today.AddDays(-10),
            [new AccountFacts("a1", "青岚发布", AccountPlatform.WeChat, AccountStatus.Publishing, Today.AddDays(-20)),
             new AccountFacts("a2", "旧号", AccountPlatform.Weibo, AccountStatus.Closed, null)], [], BonusFacts.None);
        var j = SiteJudge.Judge(facts);
        Assert.Equal([VetoRule.Unreachable, VetoRule.HomepageNotUpdated, VetoRule.ColumnsNotUpdated, VetoRule.SeriousErrors, VetoRule.PoorInteraction, VetoRule.NewMediaSilent],
            j.Card.Vetoes.Select(v => v.Rule));
        Assert.Equal([true, true, true, false, true, false], j.Card.Vetoes.Select(v => v.Passed));
        Assert.Contains(j.Card.Vetoes[3].Evidence, e => e.Contains("《通知》") && e.Contains("国家卫生健康委"));
        Assert.Contains(j.Findings, f => f.Rule == FindingRules.AccountSilent && f.Urgency == 0 && f.Target.Id == "a1");
        Assert.DoesNotContain(j.Findings, f => f.Rule == FindingRules.NoRecentAnswer);
    }

    [Fact]
    public void 国办秘函2019_19号_首页不更新_is_judged_only_for_a_unit_with_a_site_or_a_column_marked_as_on_its_homepage()
    {
        var unit = new FindingTarget("unit", "u2", "青岚市映月区星桥街道办事处");
        var stale = new ColumnFacts("c1", "工作动态", UpdateClass.News, true, true, false, Today.AddDays(-30), 5, true);
        SiteFacts Facts(IReadOnlyList<SiteProbes> sites, ColumnFacts column) =>
            new(unit, Today, FreshnessPeriods.Default, sites, [column], [], ["市长信箱"], [], false, null, [], [], BonusFacts.None);

        // A street office publishes in its government's site: no homepage of its own to judge.
        var none = SiteJudge.Judge(Facts([], stale)).Card.Vetoes.Single(v => v.Rule == VetoRule.HomepageNotUpdated);
        Assert.True(none.Passed);
        Assert.Contains("不检查首页", none.Evidence[0]);
        // With a site of its own, or a column marked 首页栏目, the same column fails it.
        Assert.False(SiteJudge.Judge(Facts([new SiteProbes("s1", "星桥街道网站", [])], stale)).Card.Vetoes.Single(v => v.Rule == VetoRule.HomepageNotUpdated).Passed);
        Assert.False(SiteJudge.Judge(Facts([], stale with { OnHomepage = true })).Card.Vetoes.Single(v => v.Rule == VetoRule.HomepageNotUpdated).Passed);
    }

    [Fact]
    public void 国办秘函2019_19号_严重错误_a_publication_date_before_the_document_was_written_or_after_the_check_cannot_be_true()
    {
        Assert.Equal("发布日期 2025-06-02 早于成文日期 2025-06-10", PublicationDates.Implausible(new(2025, 6, 10), new(2025, 6, 2), Today));
        Assert.Equal("发布日期 2025-06-17 晚于检查日 2025-06-16", PublicationDates.Implausible(new(2025, 6, 1), new(2025, 6, 17), Today));
        Assert.Null(PublicationDates.Implausible(new(2025, 6, 10), new(2025, 6, 10), Today)); // published the day it was written
        Assert.Null(PublicationDates.Implausible(new(2025, 6, 1), Today, Today));
    }
}
