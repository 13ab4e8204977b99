namespace Gongkai.Core.Reports;

public enum Severity
{
    /// <summary>警告 — shown; the numbers may disagree (an approximate figure, a review flag such as 「其他处理」 share).</summary>
    Warning,

    /// <summary>错误 — the numbers definitely disagree; blocks publication unless overridden with a recorded reason (issue 5).</summary>
    Error,
}

/// <summary>A figure a finding rests on: its key and the value the report states.</summary>
/// <param name="LastYear">True when the figure is from last year's report (the carry-over check).</param>
public sealed record Evidence(string Key, Figure Figure, bool LastYear = false);

/// <summary>The result of one check on one set of cells.</summary>
/// <param name="Rule">The rule's stable id (<see cref="ReportRule.Id"/>), e.g. <c>t3.balance</c>.</param>
/// <param name="Message">Chinese, naming the cells and the numbers.</param>
public sealed record Finding(string Rule, Severity Severity, string Message, IReadOnlyList<Evidence> Evidence)
{
    public static string SeverityCode(Severity severity) => severity == Severity.Error ? "error" : "warning";
}
