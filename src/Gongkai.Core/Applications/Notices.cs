using System.Globalization;
using Gongkai.Core.Documents;

namespace Gongkai.Core.Applications;

/// <summary>What a written notice needs: the application, and the one log entry the notice is about.</summary>
/// <param name="Unit">The 行政机关's full name; it issues the notice.</param>
/// <param name="Received">The receipt date (条例第三十一条); null only for an online application not yet confirmed.</param>
/// <param name="Description">所需政府信息的名称、文号或者特征性描述, as the applicant gave it.</param>
/// <param name="Date">The log entry's date, which is the notice's date.</param>
public sealed record NoticeFacts(string Unit, string ApplicantName, string TrackingCode, DateOnly? Received, string Description,
    ApplicationEventKind Kind, DateOnly Date)
{
    /// <summary>The answer's outcome (答复).</summary>
    public Outcome? Outcome { get; init; }

    /// <summary>Reasons of an answer, what to correct, why the answer is extended, or the basis of a fee.</summary>
    public string Note { get; init; } = "";

    /// <summary>The third party or unit consulted (an extension's approver is not printed).</summary>
    public string Party { get; init; } = "";

    /// <summary>Working days of an extension.</summary>
    public int? Days { get; init; }

    /// <summary>The fee, in 元.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The applicant's deadline: the correction period (补正期限) or the last day to pay.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>The answer's due date after this step (for an extension: the new due date).</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>File names of the documents released with an answer.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>The log entry's number within its application, so each notice of one application has its own 文号.</summary>
    public int Sequence { get; init; }

    /// <summary>The 行政复议机关 to name in the remedies, e.g. 「××市人民政府」; when empty the notice says 「依法」 only.</summary>
    public string ReconsiderationBody { get; init; } = "";
}

/// <summary>
/// The standard notice each step of an application produces, in the words of 2019年《中华人民共和国政府信息公开条例》
/// (国务院令第711号) and 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号). Steps that tell nobody anything
/// (登记、确认、收到补正、缴费、转办 …) have none.
/// </summary>
public static class Notices
{
    private const string Regulation = "《中华人民共和国政府信息公开条例》（以下简称《条例》）";

    public static Notice? For(NoticeFacts f) => !HasNotice(f.Kind) ? null : f.Kind switch
    {
        ApplicationEventKind.Answered => Answer(f),
        ApplicationEventKind.CorrectionRequested => Correction(f),
        ApplicationEventKind.Extended => Extension(f),
        ApplicationEventKind.FeeNoticeSent => Fee(f),
        ApplicationEventKind.ThirdPartyConsulted => ThirdParty(f),
        ApplicationEventKind.OtherUnitConsulted => OtherUnit(f),
        _ => null,
    };

    /// <summary>A date as official documents print it (GB/T 9704): 「2024年10月30日」.</summary>

    /// <summary>「〔2024〕第 K7QM-2HXD-9RTA-03 号」: the notice's year, the application's tracking code and the log entry's number.</summary>
    public static string DocumentNumber(DateOnly date, string trackingCode, int sequence) => $"〔{date.Year}〕第 {trackingCode}-{sequence:D2} 号";

    /// <summary>Whether a step of this kind produces a written notice.</summary>
    public static bool HasNotice(ApplicationEventKind kind) => kind is ApplicationEventKind.Answered or ApplicationEventKind.CorrectionRequested
        or ApplicationEventKind.Extended or ApplicationEventKind.FeeNoticeSent or ApplicationEventKind.ThirdPartyConsulted or ApplicationEventKind.OtherUnitConsulted;

    /// <summary>
    /// Every answer names the outcome and its basis, gives reasons where it withholds anything (第三十六条), and tells the
    /// applicant the remedies (第五十一条): 行政复议 within 60 days (《行政复议法》第二十条) and 行政诉讼 within 6 months
    /// (《行政诉讼法》第四十六条).
    /// </summary>
    private static Notice Answer(NoticeFacts f)
    {
        var info = (f.Outcome ?? throw new ArgumentException("An answer needs an outcome.", nameof(f))).Info();
        var category = info.Category.ChineseName();
        var decision = info.Name.StartsWith(category, StringComparison.Ordinal) ? info.Name : $"{category}（{info.Name}）";
        var paragraphs = new List<string>
        {
            ReceivedFromApplicant(f),
            info.Basis == "" ? $"经审查，本机关答复如下：{decision}。" : $"经审查，根据{info.Basis}的规定，本机关答复如下：{decision}。",
        };
        if (f.Note.Trim() != "")
        {
            var label = info.Outcome switch
            {
                Outcome.AlreadyPublic => "获取该政府信息的方式和途径：",
                Outcome.Provided => "说明：",
                _ => "理由：",
            };
            paragraphs.Add(label + Sentence(f.Note));
        }
        if (f.Documents.Count > 0)
            paragraphs.Add($"随本告知书向您提供以下政府信息（共{f.Documents.Count}件）：" +
                string.Join("；", f.Documents.Select((d, i) => $"{i + 1}. {d}")) + "。");
        var body = f.ReconsiderationBody.Trim() == "" ? "" : $"向{f.ReconsiderationBody.Trim()}";
        paragraphs.Add($"如对本答复不服，可以自收到本告知书之日起60日内依照《中华人民共和国行政复议法》的规定{body}申请行政复议，" +
            "或者自收到本告知书之日起6个月内依照《中华人民共和国行政诉讼法》的规定向人民法院提起行政诉讼。");
        paragraphs.Add("特此告知。");
        return ToApplicant(f, "政府信息公开申请答复告知书", paragraphs);
    }

    /// <summary>
    /// 第三十条: 「……一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起计算。
    /// 申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请。」
    /// </summary>
    private static Notice Correction(NoticeFacts f) => ToApplicant(f, "政府信息公开申请补正告知书",
    [
        ReceivedFromApplicant(f),
        $"经审查，您的申请内容不明确。根据《条例》第三十条的规定，请您对以下事项作出补正：{Sentence(f.Note)}",
        (f.Until is { } until ? $"请您最迟于{Notice.ChineseDate(until)}向本机关提交补正后的申请。" : "请您在合理期限内向本机关提交补正后的申请。") +
            "答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        "特此告知。",
    ]);

    /// <summary>第三十三条第二款: 「需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。」</summary>
    private static Notice Extension(NoticeFacts f)
    {
        var reason = f.Note.Trim().TrimEnd('。', '；', '，');
        var extended = f.Days is { } days ? $"答复期限延长{days}个工作日" : "答复期限予以延长";
        var due = f.DueOn is { } d ? $"，本机关将最迟于{Notice.ChineseDate(d)}作出答复" : "";
        return ToApplicant(f, "政府信息公开申请延期答复告知书",
        [
            ReceivedFromApplicant(f),
            (reason == "" ? "" : $"因{reason}，") + "本机关不能在规定期限内作出答复。根据《条例》第三十三条第二款的规定，" +
                $"经本机关政府信息公开工作机构负责人同意，{extended}{due}。",
            "特此告知。",
        ]);
    }

    /// <summary>
    /// 第四十二条 and 国办函〔2020〕109号: the notice states the basis, standard and amount; the applicant pays 「在收到收费通知
    /// 次日起20个工作日内」, or the application is deemed abandoned (视为放弃申请).
    /// </summary>
    private static Notice Fee(NoticeFacts f)
    {
        var amount = f.Amount is { } a ? $"人民币{a.ToString(a % 1 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture)}元" : "";
        var until = f.Until is { } u ? $"（即最迟于{Notice.ChineseDate(u)}）" : "";
        return ToApplicant(f, "收取信息处理费通知书",
        [
            ReceivedFromApplicant(f),
            "根据《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，" +
                $"本机关决定对该申请收取信息处理费{amount}。计收依据和标准：{Sentence(f.Note)}",
            $"请您自收到本通知书次日起20个工作日内{until}缴纳上述费用。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
            "特此通知。",
        ]);
    }

    /// <summary>
    /// 第三十二条: 「第三方应当自收到征求意见书之日起15个工作日内提出意见。第三方逾期未提出意见的，由行政机关依照本条例的规定
    /// 决定是否公开。」 The letter does not name the applicant.
    /// </summary>
    private static Notice ThirdParty(NoticeFacts f) => ToParty(f,
    [
        ReceivedFromSomeone(f) + $"经审查，公开该政府信息可能损害贵方的合法权益。根据{Regulation}第三十二条的规定，现书面征求贵方意见。",
        .. Matter(f),
        "请贵方自收到本函之日起15个工作日内提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。",
        "贵方不同意公开且有合理理由的，本机关不予公开。本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，" +
            "并将决定公开的政府信息内容和理由书面告知贵方。",
        "特此函询。",
    ]);

    /// <summary>第三十四条: 「被征求意见机关应当自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的视为同意公开。」</summary>
    private static Notice OtherUnit(NoticeFacts f) => ToParty(f,
    [
        ReceivedFromSomeone(f) + $"该政府信息由本机关与贵单位共同制作。根据{Regulation}第三十四条的规定，现征求贵单位意见。",
        .. Matter(f),
        "请贵单位自收到本函之日起15个工作日内提出意见。逾期未提出意见的，视为同意公开。",
        "特此函询。",
    ]);

    private static string ReceivedFromApplicant(NoticeFacts f) =>
        $"本机关{On(f.Received)}收到您依据{Regulation}提出的政府信息公开申请，申请公开：“{Quoted(f.Description)}”。";

    private static string ReceivedFromSomeone(NoticeFacts f) =>
        $"本机关{On(f.Received)}收到一份政府信息公开申请，申请公开：“{Quoted(f.Description)}”。";

    private static IEnumerable<string> Matter(NoticeFacts f) => f.Note.Trim() == "" ? [] : [$"征求意见事项：{Sentence(f.Note)}"];

    private static Notice ToApplicant(NoticeFacts f, string title, IReadOnlyList<string> paragraphs) =>
        new(title, DocumentNumber(f.Date, f.TrackingCode, f.Sequence), f.ApplicantName.Trim(), paragraphs, f.Unit, f.Date);

    private static Notice ToParty(NoticeFacts f, IReadOnlyList<string> paragraphs) =>
        new("政府信息公开征求意见函", DocumentNumber(f.Date, f.TrackingCode, f.Sequence), f.Party.Trim(), paragraphs, f.Unit, f.Date);

    private static string On(DateOnly? received) => received is { } r ? $"于{Notice.ChineseDate(r)}" : "";

    private static string Quoted(string text) => text.Trim().TrimEnd('。');

    /// <summary>Free text from staff as a sentence: trimmed and closed with 「。」 unless it already ends with 。！？.</summary>
    private static string Sentence(string text)
    {
        var t = text.Trim().TrimEnd('；', '，', '、', ';', ',');
        return t == "" || "。！？".Contains(t[^1]) ? t : t + "。";
    }
}
