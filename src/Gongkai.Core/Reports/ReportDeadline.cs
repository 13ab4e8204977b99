using Gongkai.Core.Units;

namespace Gongkai.Core.Reports;

/// <summary>
/// When a unit's annual report for a year must be public. 2019 条例第四十九条: a department (县级以上人民政府部门) publishes
/// its report by 31 January; the competent department publishes the government's report by 31 March. Reports of
/// 2008–2018 fell under the 2008 条例第三十一条: all by 31 March. Townships and other bodies are held to the
/// departments' 31 January, as the provinces' rules ask of them.
/// </summary>
public static class ReportDeadline
{
    public static DateOnly For(UnitKind kind, int year) =>
        year <= 2018 || kind == UnitKind.Government ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);
}
