namespace Gongkai.Core.Applications;

/// <summary>How a unit charges 信息处理费 for one application; never both schemes (国办函〔2020〕109号第四条).</summary>
public enum FeeScheme
{
    /// <summary>不收费 — the default (条例第四十二条).</summary>
    None,

    /// <summary>按件计收 — by the applicant's number of applications in the calendar month.</summary>
    PerApplication,

    /// <summary>按量计收 — by the pages of one application.</summary>
    PerPage,
}

/// <summary>
/// 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）. Both scales are progressive: each band's rate applies to
/// the part inside the band (「……的部分」).
/// </summary>
public static class ProcessingFee
{
    /// <summary>
    /// 按件: the fee for an applicant's <paramref name="nthThisMonth"/>-th application in a calendar month. 「同一申请人
    /// 一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，每件收费100元；30件以上的部分，
    /// 以10件为一档，每增加一档，收费标准提高100元/件」.
    /// </summary>
    public static decimal PerApplication(int nthThisMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nthThisMonth, 1);
        return nthThisMonth switch
        {
            <= 10 => 0m,
            <= 30 => 100m,
            _ => 100m + 100m * ((nthThisMonth - 31) / 10 + 1),
        };
    }

    /// <summary>
    /// 按量: the fee for one application of <paramref name="pages"/> pages (or equivalent). 「30页以下（含30页）的，不收费；
    /// 31—100页（含100页）的部分，每页收费10元；101—200页（含200页）的部分，每页收费20元；200页以上的部分，每页收费40元」.
    /// </summary>
    public static decimal PerPage(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        static int Within(int pages, int from, int to) => Math.Max(0, Math.Min(pages, to) - from);
        return 10m * Within(pages, 30, 100) + 20m * Within(pages, 100, 200) + 40m * Within(pages, 200, int.MaxValue);
    }
}
