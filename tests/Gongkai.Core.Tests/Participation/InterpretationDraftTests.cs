using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;

namespace Gongkai.Core.Tests.Participation;

/// <summary>
/// 解读三同步 in the draft and the rule (InterpretationRule): a 解读 may be drafted against a policy not yet published (by its
/// id), a waiver reason is bounded, and the refusal names the rule for a 规章/行政规范性文件 and for an item marked 需解读.
/// </summary>
public class InterpretationDraftTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);

    private static CatalogDraft Interpretation() => new()
    {
        Title = "《某某管理办法》政策解读",
        FormedOn = new(2024, 5, 20),
        Theme = "综合政务\\其他",
        Genre = Genre.Interpretation,
    };

    [Fact]
    public void A_draft_interpretation_should_link_to_a_published_policy_by_index_number_or_to_an_unpublished_one_by_id()
    {
        Assert.Contains(Interpretation().Problems(Today), p => p.Field == nameof(CatalogDraft.InterpretsIndexNumber));
        Assert.Empty((Interpretation() with { InterpretsIndexNumber = "990100/2024-00001" }).Problems(Today));
        Assert.Empty((Interpretation() with { InterpretsId = Guid.NewGuid() }).Problems(Today));
    }

    [Fact]
    public void A_waiver_reason_should_fit_its_column()
    {
        var policy = Interpretation() with { Genre = Genre.Notice };
        Assert.Empty((policy with { InterpretationWaiver = new string('由', 1000) }).Problems(Today));
        Assert.Contains(("InterpretationWaiver", "不解读的理由不能超过 1000 字。"), (policy with { InterpretationWaiver = new string('由', 1001) }).Problems(Today));
    }

    [Theory]
    [InlineData(Genre.NormativeDocument, false, "行政规范性文件应与其解读同步发布")]
    [InlineData(Genre.Rule, false, "规章应与其解读同步发布")]
    [InlineData(Genre.Notice, true, "标记为需解读的政策应与其解读同步发布")]
    public void A_policy_that_must_be_interpreted_should_be_refused_without_a_ready_interpretation_or_a_reason(Genre genre, bool marked, string message)
    {
        Assert.Contains(message, InterpretationRule.Refusal(genre, marked, interpretationReady: false, waiverReason: " "));
        Assert.Null(InterpretationRule.Refusal(genre, marked, interpretationReady: true, waiverReason: ""));
        Assert.Null(InterpretationRule.Refusal(genre, marked, interpretationReady: false, waiverReason: "程序性规定"));
        Assert.Null(InterpretationRule.Refusal(Genre.Notice, false, false, ""));
    }
}
