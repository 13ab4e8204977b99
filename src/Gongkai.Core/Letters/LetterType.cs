namespace Gongkai.Core.Letters;

/// <summary>What a letter asks for (来信类型); <see cref="SiteError"/> is the website-error channel's only type.</summary>
public enum LetterType
{
    /// <summary>咨询.</summary>
    Consultation,
    /// <summary>建议.</summary>
    Suggestion,
    /// <summary>投诉.</summary>
    Complaint,
    /// <summary>求助.</summary>
    HelpRequest,
    /// <summary>其他.</summary>
    Other,
    /// <summary>找错 — 我为政府网站找错: an error on a government website, with the page address.</summary>
    SiteError,
}

/// <summary>Why a letter was screened out (无效).</summary>
public enum InvalidReason
{
    /// <summary>重复来信.</summary>
    Duplicate,
    /// <summary>内容空泛.</summary>
    Empty,
    /// <summary>辱骂攻击.</summary>
    Abusive,
    /// <summary>广告.</summary>
    Advertising,
    /// <summary>非本级政府事项.</summary>
    NotOurMatter,
}

/// <summary>Where a letter that is not answered here went (转出).</summary>
public enum TransferChannel
{
    /// <summary>信访.</summary>
    Petition,
    /// <summary>纪检监察 (举报).</summary>
    Discipline,
    /// <summary>其他地方政府 — forwarded out of this government's tree.</summary>
    OtherGovernment,
}

/// <summary>How the office routes a valid letter (办理类型), as offices name them.</summary>
public enum RoutingClass
{
    /// <summary>即办 — answered at once.</summary>
    Immediate,
    /// <summary>转办 — to the unit responsible.</summary>
    Referred,
    /// <summary>呈办 — to a leader.</summary>
    ToLeader,
    /// <summary>查办 — needs investigation.</summary>
    Investigation,
    /// <summary>缓办 — deferred, with a reason.</summary>
    Deferred,
}

/// <summary>The writer's rating of the answer (满意度).</summary>
public enum LetterRating
{
    /// <summary>满意.</summary>
    Satisfied,
    /// <summary>基本满意.</summary>
    FairlySatisfied,
    /// <summary>不满意.</summary>
    Unsatisfied,
}

public static class LetterTerms
{
    /// <summary>The types the public may choose for a mailbox (找错 belongs to the error channel).</summary>
    public static readonly LetterType[] MailboxTypes = [LetterType.Consultation, LetterType.Suggestion, LetterType.Complaint, LetterType.HelpRequest, LetterType.Other];

    public static string ChineseName(this LetterType type) => type switch
    {
        LetterType.Consultation => "咨询",
        LetterType.Suggestion => "建议",
        LetterType.Complaint => "投诉",
        LetterType.HelpRequest => "求助",
        LetterType.Other => "其他",
        _ => "找错",
    };

    /// <summary>A type as the API and configuration name it: the Chinese term, or the member name.</summary>
    public static LetterType? ParseType(string? text)
    {
        text = text?.Trim();
        foreach (var type in Enum.GetValues<LetterType>())
        {
            if (text == type.ChineseName() || string.Equals(text, type.ToString(), StringComparison.OrdinalIgnoreCase))
                return type;
        }
        return null;
    }

    public static string ChineseName(this InvalidReason reason) => reason switch
    {
        InvalidReason.Duplicate => "重复来信",
        InvalidReason.Empty => "内容空泛、无实质诉求",
        InvalidReason.Abusive => "含辱骂、攻击性内容",
        InvalidReason.Advertising => "广告或无关信息",
        _ => "不属于本级政府职责范围",
    };

    public static string ChineseName(this TransferChannel channel) => channel switch
    {
        TransferChannel.Petition => "转信访渠道",
        TransferChannel.Discipline => "转纪检监察机关",
        _ => "转其他地方政府",
    };

    public static string ChineseName(this RoutingClass routing) => routing switch
    {
        RoutingClass.Immediate => "即办",
        RoutingClass.Referred => "转办",
        RoutingClass.ToLeader => "呈办",
        RoutingClass.Investigation => "查办",
        _ => "缓办",
    };

    public static string ChineseName(this LetterRating rating) => rating switch
    {
        LetterRating.Satisfied => "满意",
        LetterRating.FairlySatisfied => "基本满意",
        _ => "不满意",
    };

    /// <summary>满意 and 基本满意 both count as satisfied in the satisfaction rate, as offices publish it.</summary>
    public static bool CountsAsSatisfied(this LetterRating rating) => rating != LetterRating.Unsatisfied;

    public static T? ParseChinese<T>(string? text, Func<T, string> name) where T : struct, Enum
    {
        text = text?.Trim();
        foreach (var value in Enum.GetValues<T>())
        {
            if (text == name(value) || string.Equals(text, value.ToString(), StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }
}
