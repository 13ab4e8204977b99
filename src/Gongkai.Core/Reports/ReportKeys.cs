using Gongkai.Core.Applications;

namespace Gongkai.Core.Reports;

/// <summary>
/// The key scheme. Every cell of every form has a stable key <c>table.row.column</c>, lower-case ASCII, parts joined by
/// dots, empty parts left out:
/// <list type="bullet">
/// <item><c>table</c> is <c>t2</c>, <c>t3</c>, <c>t4</c> (2019/2021 forms) or <c>legacy</c> (统计表).</item>
/// <item><c>row</c> is the row's full key: table 三 <c>received</c>, <c>carried_over</c>,
/// <c>outcomes.{OutcomeInfo.Key without the disclosed.* split}</c>, <c>outcomes.total</c>, <c>carried_forward</c>; table 二
/// <c>rules</c>, <c>normative_documents</c>, <c>licensing</c> …; legacy <c>applications.answers.refused.privacy</c> …;
/// table 四 has one row with the empty key.</item>
/// <item><c>column</c> is the leaf column's full key: table 三 the applicant columns of <see cref="ApplicantKind"/> and
/// <c>total</c>; table 四 <c>reconsideration.upheld</c>, <c>litigation.direct.total</c> …; the legacy 统计表 has one
/// column with the empty key.</item>
/// </list>
/// Examples: <c>t3.outcomes.withheld.state_secret.natural_person</c>, <c>t3.received.total</c>,
/// <c>t4.litigation.after_reconsideration.pending</c>, <c>t2.rules.in_force</c>, <c>legacy.reconsideration</c>.
/// Rows and columns that mean the same in the 2019 and 2021 forms have the same key, so year-on-year comparison and
/// the carry-over check work across the change of form. Summary keys (<c>applications.received</c> …) are not cells:
/// they are derived from cells by <see cref="ReportSummary"/>.
/// </summary>
public static class ReportKeys
{
    public const string Table2 = "t2";
    public const string Table3 = "t3";
    public const string Table4 = "t4";
    public const string Legacy = "legacy";

    public static string Cell(string table, string row, string column) =>
        string.Join(".", new[] { table, row, column }.Where(p => p.Length > 0));

    /// <summary>Table 三 cell key, e.g. <c>Table3Cell("outcomes.total", "natural_person")</c>.</summary>
    public static string Table3Cell(string row, string column) => Cell(Table3, row, column);

    /// <summary>Table 四 cell key, e.g. <c>Table4Cell("litigation.direct", "upheld")</c>.</summary>
    public static string Table4Cell(string group, string outcome) => Cell(Table4, "", $"{group}.{outcome}");

    public static string LegacyCell(string row) => Cell(Legacy, row, "");

    /// <summary>Table 三 rows 一, 二, （七）总计 and 四.</summary>
    public const string Received = "received";
    public const string CarriedOver = "carried_over";
    public const string OutcomesTotal = "outcomes.total";
    public const string CarriedForward = "carried_forward";

    /// <summary>Table 三 column 总计.</summary>
    public const string Total = "total";

    /// <summary>Table 三's six applicant columns, left to right, then 总计.</summary>
    public static IReadOnlyList<string> ApplicantColumns { get; } =
        Enum.GetValues<ApplicantKind>().Select(Column).ToArray();

    public static IReadOnlyList<string> Table3Columns { get; } = [.. ApplicantColumns, Total];

    /// <summary>The table 三 column an applicant counts in.</summary>
    public static string Column(this ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "natural_person",
        ApplicantKind.Commercial => "commercial",
        ApplicantKind.Research => "research",
        ApplicantKind.PublicWelfare => "public_welfare",
        ApplicantKind.LegalServices => "legal_services",
        _ => "other_organisation",
    };

    /// <summary>
    /// The table 三 row an outcome counts in: <c>outcomes.</c> + <see cref="OutcomeInfo.Key"/>, except that
    /// <c>disclosed.already_public</c> and <c>disclosed.provided</c> both count in （一） <c>outcomes.disclosed</c>, and in the
    /// 2019 form, whose （六）其他处理 has no sub-rows, every <c>other.*</c> counts in <c>outcomes.other</c>.
    /// </summary>
    public static string Table3Row(this Outcome outcome, ReportForm form)
    {
        var info = outcome.Info();
        return info.Category switch
        {
            _ when form is ReportForm.Legacy => throw new ArgumentException("统计表没有表三", nameof(form)),
            OutcomeCategory.Disclosed => "outcomes.disclosed",
            OutcomeCategory.Other when form is ReportForm.Form2019 => "outcomes.other",
            _ => $"outcomes.{info.Key}",
        };
    }

    /// <summary>The table 三 heading of an outcome category: <c>outcomes.withheld</c> for （三）不予公开 ….</summary>
    public static string Table3Row(this OutcomeCategory category) => category switch
    {
        OutcomeCategory.Disclosed => "outcomes.disclosed",
        OutcomeCategory.PartiallyDisclosed => "outcomes.partially_disclosed",
        OutcomeCategory.Withheld => "outcomes.withheld",
        OutcomeCategory.CannotProvide => "outcomes.cannot_provide",
        OutcomeCategory.NotProcessed => "outcomes.not_processed",
        _ => "outcomes.other",
    };

    /// <summary>Table 四's three groups: 行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉.</summary>
    public static IReadOnlyList<string> Table4Groups { get; } = ["reconsideration", "litigation.direct", "litigation.after_reconsideration"];

    /// <summary>Table 四's five columns in each group, 总计 last.</summary>
    public static IReadOnlyList<string> Table4Outcomes { get; } = ["upheld", "corrected", "other", "pending", "total"];
}
