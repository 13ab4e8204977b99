using Gongkai.Core.SiteCheck;

namespace Gongkai.App.SiteCheck.Scorecards;

/// <summary>The words the scorecard pages and the monthly report share, so that a result reads the same everywhere.</summary>
public static class ScorecardText
{
    public static string Result(bool passed) => passed ? "合格" : "不合格";

    /// <summary>合格; 不合格（单项否决） when a veto failed; 不合格（低于 60 分） otherwise.</summary>
    public static string Conclusion(Scorecard card) =>
        card.Passed ? "合格" : card.VetoFailed ? "不合格（单项否决）" : $"不合格（低于 {Scorecard.PassMark} 分）";

    public static string Conclusion(RunSummary run) =>
        run.Passed ? "合格" : run.VetoFailures > 0 ? "不合格（单项否决）" : $"不合格（低于 {Scorecard.PassMark} 分）";

    public static string Item(VetoResult veto) => veto.Subject.Length > 0 ? $"{veto.Rule.ChineseName()}（{veto.Subject}）" : veto.Rule.ChineseName();

    public static string Evidence(IReadOnlyList<string> evidence) => evidence.Count == 0 ? "—" : string.Join("；", evidence);

    /// <summary>A stored UTC time as Beijing time, to the minute.</summary>
    public static string Time(DateTime utc) => utc.InChina().ToString("yyyy-MM-dd HH:mm");

    /// <summary>+3 / −2 / 持平 against the run before; 首次检查 when there is none.</summary>
    public static string Change(int? change) => change switch
    {
        null => "首次检查",
        0 => "持平",
        > 0 => $"上升 {change} 分",
        _ => $"下降 {-change} 分",
    };

    /// <summary>What kind of thing a finding is about, in words.</summary>
    public static string TargetKind(string kind) => kind switch
    {
        "column" => "栏目",
        "item" => "公开信息",
        "letter" => "来信",
        "link" => "链接",
        "account" => "新媒体账号",
        "site" => "网站",
        "unit" => "单位",
        "solicitation" => "意见征集",
        "interview" => "在线访谈",
        "lexicon" => "词库",
        _ => kind,
    };
}
