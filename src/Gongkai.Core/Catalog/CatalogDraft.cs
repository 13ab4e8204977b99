namespace Gongkai.Core.Catalog;

/// <summary>
/// What an editor (信息发布) writes for a catalog item: the core metadata of the 实施指引 (名称, 内容概述, 成文日期, 文号,
/// 主题分类, 体裁, 关键词, 公开属性, 有效性 with 实施日期/废止日期) and, for a 解读, the policy it interprets.
/// </summary>
public sealed record CatalogDraft
{
    public required string Title { get; init; }
    public string Summary { get; init; } = "";

    /// <summary>Rich text, already sanitized by the caller.</summary>
    public string Body { get; init; } = "";

    /// <summary>成文日期 — when the document was formed (the 20-working-day rule of 第二十六条 counts from it).</summary>
    public required DateOnly FormedOn { get; init; }
    public string DocumentNumber { get; init; } = "";
    public required string Theme { get; init; }
    public required Genre Genre { get; init; }
    public string Keywords { get; init; } = "";
    public DisclosureAttribute Attribute { get; init; } = DisclosureAttribute.Proactive;
    public Validity Validity { get; init; } = Validity.InForce;
    public DateOnly? EffectiveOn { get; init; }
    public DateOnly? RepealedOn { get; init; }
    public PublicationChannels Channels { get; init; } = PublicationChannels.Website;

    /// <summary>For a 解读: the 索引号 of the policy it interprets.</summary>
    public string InterpretsIndexNumber { get; init; } = "";

    /// <summary>For a 解读 of a policy not yet published (解读三同步: drafted with it): the policy's id, instead of its 索引号.</summary>
    public Guid? InterpretsId { get; init; }

    /// <summary>需解读: a policy other than a 规章 or 行政规范性文件 that must be published with its 解读.</summary>
    public bool NeedsInterpretation { get; init; }

    /// <summary>For a 解读: its forms (a 解读 with none ticked is counted as 文字解读).</summary>
    public Participation.InterpretationForms InterpretationForms { get; init; }

    /// <summary>For a policy that must be interpreted: why it is published without a 解读 (解读三同步 waived).</summary>
    public string InterpretationWaiver { get; init; } = "";

    /// <summary>Every problem as (field, message in Chinese); empty when the draft can be saved.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems(DateOnly today)
    {
        var problems = new List<(string, string)>();
        void Need(bool ok, string field, string message)
        {
            if (!ok)
                problems.Add((field, message));
        }
        Need(!string.IsNullOrWhiteSpace(Title) && Title.Trim().Length <= 200, nameof(Title), "请填写名称（不超过 200 字）。");
        Need((Summary ?? "").Trim().Length <= CatalogTerms.MaxSummary, nameof(Summary), $"内容概述不能超过 {CatalogTerms.MaxSummary} 字。");
        Need(FormedOn <= today, nameof(FormedOn), "成文日期不能晚于今天。");
        Need(FormedOn.Year >= 1949, nameof(FormedOn), "成文日期无效。");
        Need((DocumentNumber ?? "").Trim().Length <= 50, nameof(DocumentNumber), "文号不能超过 50 字。");
        Need(CatalogTerms.IsTheme(Theme), nameof(Theme), "请选择主题分类。");
        Need(Enum.IsDefined(Genre), nameof(Genre), "请选择体裁。");
        Need((Keywords ?? "").Trim().Length <= 100, nameof(Keywords), "关键词不能超过 100 字。");
        if (Genre.HasValidity())
        {
            Need(EffectiveOn is not null, nameof(EffectiveOn), $"{Genre.ChineseName()}须填写实施日期。");
            Need(RepealedOn is null || EffectiveOn is null || RepealedOn > EffectiveOn, nameof(RepealedOn), "废止日期应晚于实施日期。");
        }
        if (Genre == Genre.Interpretation)
            Need(!string.IsNullOrWhiteSpace(InterpretsIndexNumber) || InterpretsId is not null, nameof(InterpretsIndexNumber), "解读须关联所解读政策的索引号。");
        Need((InterpretationWaiver ?? "").Trim().Length <= 1000, nameof(InterpretationWaiver), "不解读的理由不能超过 1000 字。");
        return problems;
    }
}

/// <summary>Where a catalog item stands in the editing workflow and on the public record.</summary>
public enum CatalogState
{
    /// <summary>草稿.</summary>
    Draft,
    /// <summary>待审核.</summary>
    Submitted,
    /// <summary>已发布 — on the public record with its 索引号.</summary>
    Published,
    /// <summary>已撤下 — taken off the public pages with a recorded reason (it keeps its 索引号, which is never reused).</summary>
    Withdrawn,
}

public static class CatalogStates
{
    public static string ChineseName(this CatalogState state) => state switch
    {
        CatalogState.Draft => "草稿",
        CatalogState.Submitted => "待审核",
        CatalogState.Published => "已发布",
        _ => "已撤下",
    };
}
