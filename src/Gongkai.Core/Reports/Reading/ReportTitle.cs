using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// The unit and year a published report states for itself (issue 18: measured on the corpus of real reports). In order:
/// the title line (「长沙市生态环境局2024年政府信息公开工作年度报告」, 「2022年上海市政府信息公开工作年度报告」, a name on the line
/// before a title without one); the sentence announcing it (「现向社会公布2021年石家庄市教育局政府信息公开工作年度报告」,
/// 「本年度报告由天津市发展改革委编制」); a title without a year; a line holding only a unit's name at the top. A report
/// that names no unit («我局», «本机关») has none, never a guess; a name stuck to a site's chrome (a domain, a
/// gambling site's name pasted into a mirror) is cleaned or refused. The year, when no title states it: the statistics
/// period, 「YYYY年度」, 「YYYY年报」, else the first year the text names that is not a date.
/// </summary>
public static partial class ReportTitle
{
    /// <summary>How far into a report its title and opening sentence are looked for.</summary>
    private const int Head = 4000;

    public static (string? Unit, int? Year) Read(string squeezed)
    {
        var head = squeezed.Length > Head ? squeezed[..Head] : squeezed;
        var lines = head.Split('\n');
        string? unit = null;
        int? year = null;
        for (var i = 0; i < lines.Length && (unit is null || year is null); i++)
        {
            var line = lines[i];
            if (i > 0 && (ReportWords().IsMatch(line) || line.Length <= 20 && line.EndsWith("报告", StringComparison.Ordinal)) && !TitleWithYear().IsMatch(line))
                line = PreviousLine(lines, i) + line;   // 「宿州市人民政府2016年」「政府信息公开工作年度报告」: a title wrapped over two lines
            if (line.Length > 80 || TitleWithYear().Match(line) is not { Success: true } title)
                continue;
            year ??= int.Parse(title.Groups["year"].Value);
            unit ??= Clean(title.Groups["before"].Value + title.Groups["after"].Value)
                ?? (i > 0 ? NameLine(PreviousLine(lines, i)) : null);
        }
        if (unit is null && Announced().Match(head) is { Success: true } announced)
        {
            unit = Clean(announced.Groups["unit"].Value);
            if (announced.Groups["year"].Success)
                year ??= int.Parse(announced.Groups["year"].Value);
        }
        if (unit is null && CompiledBy().Match(head) is { Success: true } compiled)
        {
            unit = UnitSuffix().IsMatch(compiled.Groups["unit"].Value) ? Clean(compiled.Groups["unit"].Value) : null;
            if (compiled.Groups["year"].Success)
                year ??= int.Parse(compiled.Groups["year"].Value);
        }
        if (unit is null)
            unit = lines.Select(l => TitleWithoutYear().Match(l)).Where(m => m.Success).Select(m => Clean(m.Groups["unit"].Value)).FirstOrDefault(u => u is not null);
        if (unit is null && TitleInQuotes().Match(head) is { Success: true } quoted)
            unit = Clean(quoted.Groups["unit"].Value);
        if (unit is null && YearUnitReport().Match(head) is { Success: true } yearUnit)
            unit = Clean(yearUnit.Groups["unit"].Value);
        if (unit is null)
            unit = lines.Where(l => l.Length > 0).Take(4).Select(NameLine).FirstOrDefault(u => u is not null);
        if (unit is null && (OpeningSubject().Match(head) is { Success: true } opening ? opening : OverviewSubject().Match(head)) is { Success: true } subject)
            unit = Clean(subject.Groups["unit"].Value);
        year ??= YearOf(head);
        return (unit, year);
    }

    private static string PreviousLine(string[] lines, int i)
    {
        for (var j = i - 1; j >= 0; j--)
            if (lines[j].Trim().Length > 0)
                return lines[j];
        return "";
    }

    /// <summary>A line that is only a unit's name (「高平市人民政府办公室」 above a title without one).</summary>
    private static string? NameLine(string line) =>
        line.Length <= 30 && UnitSuffix().IsMatch(line) && !line.Contains("信息公开", StringComparison.Ordinal) && !line.Contains("年报", StringComparison.Ordinal) ? Clean(line) : null;

    /// <summary>The name without chrome around it; null when nothing that can be a unit's name is left.</summary>
    private static string? Clean(string raw)
    {
        var unit = Chrome().Replace(raw, "");
        unit = Leading().Replace(unit, "");
        unit = Trailing().Replace(unit, "");
        if (unit.EndsWith("人民", StringComparison.Ordinal))
            unit += "政府";   // 「壶镇镇人民政府信息公开年度报告」: the title shares 「政府」 with the name
        if (unit.Length < 2 || unit.Length > 40 || NotAName().IsMatch(unit) || Spam().IsMatch(unit))
            return null;
        return unit;
    }

    private static int? YearOf(string head)
    {
        foreach (var regex in new[] { Period(), YearOfReport() })
            if (regex.Match(head) is { Success: true } m)
                return int.Parse(m.Groups["year"].Value);
        for (var m = AnyYear().Match(head); m.Success; m = m.NextMatch())
            if (!m.Groups["date"].Success)
                return int.Parse(m.Groups["year"].Value);
        return null;
    }

    private const string Year = @"(?<year>(?:19|20)\d{2})";

    private const string Report = @"(?:政府|政务)?(?:信息公开|政务公开)(?:工作)?(?:开展)?(?:(?:19|20)\d{2})?(?:年度)?(?:报告|年报|工作报告|告年度报|情况)";

    /// <summary>The words that follow a unit doing the year's work (「…认真贯彻落实」), as alternatives.</summary>
    private const string Doing = "认真|严格|坚持|按照|继续|立足|根据|全面|深入|进一步|高度|紧紧|紧扣|始终|积极|围绕|以|在";

    private const string Name = @"[^\d,。;:《》""“”、\n]";

    private const string UnitEnd = "(?:政府|办公室|办公厅|局|委|厅|部|署|镇|乡|街道|办事处|委员会|管委会|中心|办)(?:\\([^()\\n]{2,30}\\))?";

    [GeneratedRegex(@"^(?:[A-Za-z0-9 .]*[-_:|])?(?<before>[^\d,。;《》""“”]{0,40}?)" + Year + @"(?:年度?)?(?<after>[^\d,。;《》""“”>]{0,30}?)" + Report)]
    private static partial Regex TitleWithYear();

    [GeneratedRegex("^" + Report + "$")]
    private static partial Regex ReportWords();

    [GeneratedRegex(@"^(?<unit>[^\d,。;:《》""“”]{2,40}?)" + Report + "$")]
    private static partial Regex TitleWithoutYear();

    [GeneratedRegex(@"(?:现向社会公布|特向社会公布|现予以公布|现予公布|现公布|现发布|向社会公布)《?(?:" + Year + @"年度?)?(?<unit>[^\d,。;:《》""“”]{2,40}?)(?:(?:19|20)\d{2}年度?)?" + Report)]
    private static partial Regex Announced();

    [GeneratedRegex(@"由(?<unit>" + Name + "{2,40}" + UnitEnd + @")(?:负责|汇总|结合[^。\n]{0,20}?|围绕[^。\n]{0,30}?|根据[^。\n]{0,20}?|按照[^。\n]{0,20}?)?编制|(?<=(?<unit>" + Name + "{2,30}))特?编制了?(?:" + Year + @"年度?)?" + Report)]
    private static partial Regex CompiledBy();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}年度?(?<unit>" + Name + "{2,30}?" + UnitEnd + ")的?" + Report)]
    private static partial Regex YearUnitReport();

    [GeneratedRegex(@"《(?:" + Year + @"年度?)?(?<unit>" + Name + @"{2,40}?)(?:(?:19|20)\d{2}年度?)?" + Report + "》")]
    private static partial Regex TitleInQuotes();

    /// <summary>The unit the opening names as doing the year's work: 「2020年,抚远市生态环境局认真贯彻落实…」.</summary>
    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}年度?(?:全年)?,?(?:在[^,。\n]{0,30}下,)?(?<unit>" + Name + "{2,30}?" + UnitEnd + ")(?:" + Doing + "|对外|共)")]
    private static partial Regex OpeningSubject();

    /// <summary>The unit the overview opens with: 「一、总体情况\n按照区委、区政府有关要求,区政府政务服务办进一步完善…」.</summary>
    [GeneratedRegex(@"(?:总体情况|概述)\n(?:[^,。\n]{0,30},)?(?<unit>" + Name + "{2,30}?" + UnitEnd + ")(?:" + Doing + ")")]
    private static partial Regex OverviewSubject();

    [GeneratedRegex(@"统计期限[^\d]{0,6}" + Year + "年")]
    private static partial Regex Period();

    [GeneratedRegex(Year + @"(?:年度|年报)")]
    private static partial Regex YearOfReport();

    [GeneratedRegex(@"(?<![〔\[(\d])" + Year + @"年(?<date>\d{1,2}月)?")]
    private static partial Regex AnyYear();

    /// <summary>A page's chrome and a mirror's domain: ASCII, labels such as 「信息名称:」, the line's leading punctuation.</summary>
    [GeneratedRegex(@"^.*[:_>]|[A-Za-z0-9._/:\-\s]+|[\[\]【】|·•]")]
    private static partial Regex Chrome();

    [GeneratedRegex(@"^(?:关于|印发|公布|发布|现将|标题|中文名)+")]
    private static partial Regex Leading();

    [GeneratedRegex(@"(?:关于|的|编制|公布|发布)+$")]
    private static partial Regex Trailing();

    [GeneratedRegex(@"^(?:我|本|该|各|全)|首页|位置|字号|打印|来源|时间|页")]
    private static partial Regex NotAName();

    [GeneratedRegex(@"体育|直播|娱乐|彩|网址|博彩|棋牌|赌|官网|平台|开户|注册|下载|app|APP|bet", RegexOptions.IgnoreCase)]
    private static partial Regex Spam();

    [GeneratedRegex(@"(?:政府|办公室|办公厅|局|委|厅|部|署|院|镇|乡|街道|办事处|委员会|管委会|管理委员会|中心|总队|支队|公司|会|所|站|办|苏木)$")]
    private static partial Regex UnitSuffix();
}
