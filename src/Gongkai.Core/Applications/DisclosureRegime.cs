namespace Gongkai.Core.Applications;

/// <summary>Which 条例 governs an application, by its receipt date.</summary>
public enum DisclosureRegime
{
    /// <summary>2008年《条例》(国务院令第492号), applications received 2008-05-01 to 2019-05-14: 15 + 15 working days (第二十四条).</summary>
    Rules2008,

    /// <summary>2019年《条例》(国务院令第711号), applications received from 2019-05-15: 20 + 20 working days (第三十三条).</summary>
    Rules2019,
}

public static class DisclosureRegimes
{
    /// <summary>国务院令第711号 took effect on 2019-05-15.</summary>
    public static readonly DateOnly Rules2019InForce = new(2019, 5, 15);

    public static DisclosureRegime For(DateOnly received) => received < Rules2019InForce ? DisclosureRegime.Rules2008 : DisclosureRegime.Rules2019;

    /// <summary>2008年《条例》第二十四条「15个工作日」; 2019年《条例》第三十三条「20个工作日」.</summary>
    public static int TimeLimit(this DisclosureRegime regime) => regime == DisclosureRegime.Rules2008 ? 15 : 20;

    /// <summary>The one extension: 2008 「最长不得超过15个工作日」; 2019 「延长的期限最长不得超过20个工作日」.</summary>
    public static int MaxExtension(this DisclosureRegime regime) => regime == DisclosureRegime.Rules2008 ? 15 : 20;

    /// <summary>2019年《条例》第三十条: the 补正 notice is due 「自收到申请之日起7个工作日内」; the 2008 rules set no limit.</summary>
    public static int? CorrectionNoticeWithin(this DisclosureRegime regime) => regime == DisclosureRegime.Rules2019 ? 7 : null;

    /// <summary>
    /// 2019年《条例》第三十条: 「答复期限自行政机关收到补正的申请之日起计算」 — the clock restarts. The 2008 rules wrote
    /// no restart rule; Gongkai's convention for them is that the time awaiting the correction does not count (a pause).
    /// </summary>
    public static bool CorrectionRestartsClock(this DisclosureRegime regime) => regime == DisclosureRegime.Rules2019;

    public static string ChineseName(this DisclosureRegime regime) =>
        regime == DisclosureRegime.Rules2008 ? "2008年《政府信息公开条例》（国务院令第492号）" : "2019年《政府信息公开条例》（国务院令第711号）";
}
