using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.App.Reports;
using Gongkai.Core.Applications;
using Gongkai.Core.Cases;
using Gongkai.Core.Catalog;
using Gongkai.Core.Reports;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The four exports of two fixed reports — a district's 2024 report (2021 form, jurisdiction) counted from a handful of
/// records, and a 2017 report on the legacy 统计表 — against the golden files in Reports/Golden (the XLSX and DOCX as text
/// dumps, their zips have timestamps). After a deliberate change, rerun with GONGKAI_UPDATE_GOLDEN=1 to rewrite them in
/// the source tree and review the diff. GONGKAI_DOCX_OUT=folder keeps the generated DOCX and HTML there (bench/report-docx.sh).
/// </summary>
public class ReportExportGoldenTests
{
    private const string Government = "990102000", Education = "990102001";

    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly (string Unit, ApplicationFacts Facts)[] Applications =
    [
        (Government, new(ApplicantKind.NaturalPerson, D("2023-12-18"), D("2024-01-08"), Outcome.Provided)),           // 上年结转
        (Government, new(ApplicantKind.NaturalPerson, D("2024-03-04"), D("2024-03-20"), Outcome.ThirdPartyRights)),   // （三）4
        (Government, new(ApplicantKind.Commercial, D("2024-05-06"), D("2024-05-10"), Outcome.AlreadyPublic)),
        (Government, new(ApplicantKind.LegalServices, D("2024-06-03"), D("2024-06-24"), Outcome.NotHeld)),
        (Education, new(ApplicantKind.NaturalPerson, D("2024-07-01"), D("2024-07-05"), Outcome.RepeatedApplication)),
        (Education, new(ApplicantKind.NaturalPerson, D("2024-09-02"), D("2024-09-25"), Outcome.PartiallyDisclosed)),
        (Education, new(ApplicantKind.Research, D("2024-12-23"), null, null)),                                       // 结转下年度
        (Education, new(ApplicantKind.PublicWelfare, D("2023-11-20"), D("2023-12-08"), Outcome.Provided)),           // last year's only
    ];

    private static readonly (string Unit, CatalogFacts Facts)[] Catalog =
    [
        (Government, new(Genre.Rule, D("2024-01-15"), D("2024-02-01"), Validity.InForce, null)),
        (Government, new(Genre.NormativeDocument, D("2023-04-10"), D("2023-04-20"), Validity.Revoked, D("2024-08-01"))),
        (Government, new(Genre.NormativeDocument, D("2024-03-01"), D("2024-03-08"), Validity.InForce, null)),
        (Education, new(Genre.NormativeDocument, D("2024-05-01"), D("2024-05-06"), Validity.InForce, null)),
    ];

    private static readonly (string Unit, CaseFacts Facts)[] Cases =
    [
        (Government, new(CaseKind.Reconsideration, D("2024-04-01"), D("2024-05-30"), CaseResult.Upheld)),
        (Government, new(CaseKind.DirectSuit, D("2024-10-08"), null, CaseResult.Pending)),
        (Education, new(CaseKind.SuitAfterReconsideration, D("2024-02-01"), D("2024-09-01"), CaseResult.Corrected)),
    ];

    private static ReportFigures Count(Func<string, bool> of) => ReportFigures.From(
        CountFromRecords.Table3(ReportForm.Form2021, 2024, Applications.Where(a => of(a.Unit)).Select(a => a.Facts))
            .Concat(CountFromRecords.Table2(ReportForm.Form2021, 2024, Catalog.Where(i => of(i.Unit)).Select(i => i.Facts)))
            .Concat(CountFromRecords.Table4(2024, Cases.Where(c => of(c.Unit)).Select(c => c.Facts))));

    /// <summary>
    /// The district's report: counted cells, 行政许可 entered by hand, the other 表二 parts not stated (blank), and the
    /// text's 「新收申请9件」 against the table's 6 — an error finding that the published document must not print.
    /// </summary>
    internal static ReportDocument District2024()
    {
        var figures = Count(_ => true).With("t2.licensing.decisions", 12).With("applications.received", 9);
        var report = new CompiledReport(Government, "青岚市映月区人民政府", 2024, ReportForm.Form2021, ReportScope.Jurisdiction, figures,
            ReportChecks.Run(ReportForm.Form2021, figures, null),
            [new(Government, "青岚市映月区人民政府", Count(u => u == Government)), new(Education, "青岚市映月区教育局", Count(u => u == Education))])
        {
            // 同比 against a 2023 report that received 5 and had no reconsideration.
            Changes = YearOnYear.Compare(ReportForm.Form2021, figures, ReportForm.Form2021,
                ReportFigures.Empty.With(ReportKeys.Table3Cell("received", "total"), 5).With(ReportKeys.Table4Cell("reconsideration", "total"), 0)),
        };
        return new(report,
        [
            (NarrativeSection.Overview, "2024年，映月区人民政府坚持以公开为常态、不公开为例外，依照《中华人民共和国政府信息公开条例》做好政府信息公开工作。\n"
                + "全年新收政府信息公开申请9件，均在法定期限内答复；网上申请平台（https://ysqgk.example.gov.cn/?from=nb&year=2024）运行平稳，平均办理时限<15个工作日。"),
            (NarrativeSection.Problems, "一是部分单位主动公开内容更新不够及时。\n二是政策解读形式较为单一。2025年将加强培训，完善解读机制。"),
            (NarrativeSection.OtherMatters, ""),
            (NarrativeSection.Assessment, "将政府信息公开工作纳入年度绩效考核。\n本年度未发生责任追究情形。"),
        ], new DateOnly(2025, 1, 20));
    }

    /// <summary>A 2017 draft on the legacy 统计表: a few figures entered (one approximate), the rest blank; no date.</summary>
    internal static ReportDocument Legacy2017()
    {
        var figures = ReportFigures.From(new Dictionary<string, Figure>
        {
            ["proactive.total"] = 1520,
            ["proactive.normative_documents"] = 12,
            ["proactive.by_channel.website"] = 1380,
            ["proactive.by_channel.weibo"] = new Figure(600, Approximate: true),
            ["applications.received"] = 8,
            ["applications.received.in_person"] = 2,
            ["applications.received.online"] = 5,
            ["applications.received.letter"] = 1,
            ["applications.answers.refused"] = 1,
            ["applications.answers.refused.privacy"] = 1,
            ["reconsideration"] = 1,
            ["reconsideration.upheld"] = 1,
            ["fees"] = 0,
            ["capacity.staff.full_time"] = 1,
        }.Select(f => KeyValuePair.Create(ReportKeys.LegacyCell(f.Key), f.Value)));
        var report = new CompiledReport(Government, "青岚市映月区人民政府", 2017, ReportForm.Legacy, ReportScope.Unit, figures,
            ReportChecks.Run(ReportForm.Legacy, figures, null), []);
        return new(report,
        [
            (NarrativeSection.Overview, "2017年，映月区人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。\n全年主动公开政府信息1520条，受理依申请公开8件。"),
            (NarrativeSection.Problems, "公开工作与公众期望仍有差距。\n下一步将进一步规范依申请公开办理流程。"),
            (NarrativeSection.OtherMatters, "本年度无其他需要报告的事项。"),
        ], null);
    }

    [Theory]
    [InlineData("report-2024.json")]
    [InlineData("report-2024.xlsx.txt")]
    [InlineData("report-2024.docx.txt")]
    [InlineData("report-2024.html")]
    [InlineData("report-2017.docx.txt")]
    [InlineData("report-2017.html")]
    public void Export_should_match_its_golden_file(string name)
    {
        var document = name.StartsWith("report-2017", StringComparison.Ordinal) ? Legacy2017() : District2024();
        var kind = name["report-2024.".Length..];
        var bytes = kind switch
        {
            "json" => Bytes(s => ReportJson.Write(s, document.Report)),
            "xlsx.txt" => Bytes(s => ReportXlsx.Write(s, document.Report)),
            "docx.txt" => Bytes(s => ReportDocx.Write(s, document)),
            _ => Bytes(s => ReportHtml.Write(s, document)),
        };
        if (Environment.GetEnvironmentVariable("GONGKAI_DOCX_OUT") is { Length: > 0 } folder && kind is "docx.txt" or "html")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name.Replace(".txt", "")), bytes);
        }
        var text = kind switch
        {
            "xlsx.txt" => ReportExportDumps.Xlsx(bytes),
            "docx.txt" => ReportExportDumps.Docx(bytes),
            _ => Encoding.UTF8.GetString(bytes),
        };
        Golden.Check(name, text);
    }

    [Fact]
    public void The_docx_should_validate_and_print_table_three_with_the_forms_merged_headings()
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(Bytes(s => ReportDocx.Write(s, District2024()))), false);
        Assert.Empty(new OpenXmlValidator().Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = docx.MainDocumentPart!.Document.Body!;
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(ReportLayouts.Form2021.Tables.Count, tables.Count);
        foreach (var table in tables)   // every row fills the grid exactly, every cell has a border
        {
            var columns = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count();
            Assert.All(table.Elements<TableRow>(), row => Assert.Equal(columns, row.Elements<TableCell>().Sum(Span)));
            var borders = table.GetFirstChild<TableProperties>()!.TableBorders!.ChildElements.OfType<BorderType>().ToList();
            Assert.Equal(6, borders.Count);
            Assert.All(borders, b => Assert.Equal(BorderValues.Single, b.Val!.Value));
        }

        var three = tables.Single(t => t.Descendants<TableCell>().Any(c => c.InnerText == "申请人情况"));
        var rows = three.Elements<TableRow>().Select(r => r.Elements<TableCell>().ToList()).ToList();
        Assert.Equal(7, Span(rows[0].Single(c => c.InnerText == "申请人情况")));
        Assert.Equal(5, Span(rows[1].Single(c => c.InnerText == "法人或其他组织")));
        Assert.Equal((3, "restart"), (Span(rows[0][0]), Merge(rows[0][0])));                              // the corner over 3 label columns
        Assert.Equal([("continue", 3), ("continue", 3)], rows.Skip(1).Take(2).Select(r => (Merge(r[0]), Span(r[0]))));
        var outcomes = rows.FindIndex(r => r[0].InnerText == "三、本年度办理结果");
        var outcomeRows = ReportLayouts.Form2021.Table("t3").Row("outcomes").SelfAndDescendants().Count(r => r.Children.Count == 0);
        Assert.Equal("restart", Merge(rows[outcomes][0]));
        Assert.All(rows.Skip(outcomes + 1).Take(outcomeRows - 1), r => Assert.Equal("continue", Merge(r[0])));
        var received = rows.Single(r => r[0].InnerText == "一、本年新收政府信息公开申请数量");
        Assert.Equal(3, Span(received[0]));
        Assert.Equal(["3", "1", "1", "0", "1", "0", "6"], received.Skip(1).Select(c => c.InnerText));
        Assert.All(three.Descendants<TableCell>().Where(c => c.InnerText.All(char.IsAsciiDigit) && c.InnerText.Length > 0),
            c => Assert.Equal("right", c.Descendants<Justification>().Single().Val!.InnerText));
        Assert.True(three.Elements<TableRow>().Take(3).All(r => r.TableRowProperties!.GetFirstChild<TableHeader>() is not null));
    }

    [Fact]
    public void The_docx_should_fit_every_table_on_its_page_print_blanks_as_empty_cells_and_leave_out_the_findings()
    {
        var document = District2024();
        Assert.Contains(document.Report.Findings, f => f.Severity == Severity.Error);
        using var docx = WordprocessingDocument.Open(new MemoryStream(Bytes(s => ReportDocx.Write(s, document))), false);
        var body = docx.MainDocumentPart!.Document.Body!;
        foreach (var table in body.Elements<Table>())
        {
            var section = table.ElementsAfter().OfType<Paragraph>().Select(p => p.ParagraphProperties?.SectionProperties).FirstOrDefault(s => s is not null)
                ?? body.GetFirstChild<SectionProperties>()!;
            var (size, margin) = (section.GetFirstChild<PageSize>()!, section.GetFirstChild<PageMargin>()!);
            var width = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!));
            Assert.True(width <= size.Width!.Value - margin.Left!.Value - margin.Right!.Value, $"table of {width} twips overflows its page");
            if (table.InnerText.Contains("申请人情况"))
                Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        }

        var penalties = body.Elements<Table>().SelectMany(t => t.Elements<TableRow>()).Single(r => r.GetFirstChild<TableCell>()!.InnerText == "行政处罚");
        Assert.Equal("", penalties.Elements<TableCell>().Last().InnerText);                    // not stated: empty, never 0
        var paragraphs = body.Elements<Paragraph>().Where(p => p.InnerText.Length > 0).ToList();
        Assert.Equal("青岚市映月区人民政府2024年政府信息公开工作年度报告", paragraphs[0].InnerText);
        Assert.Equal("2025年1月20日", paragraphs[^1].InnerText);
        Assert.Equal("right", paragraphs[^1].ParagraphProperties!.Justification!.Val!.InnerText);
        Assert.Contains(paragraphs, p => p.InnerText == "无。");                                  // 六 held without text
        Assert.DoesNotContain(document.Report.Findings, f => body.InnerText.Contains(f.Message));
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "七、工作考核、社会评议和责任追究结果情况"],
            paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText));
    }

    [Fact]
    public void The_legacy_docx_should_print_one_indented_statistics_table_with_units_and_no_date()
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(Bytes(s => ReportDocx.Write(s, Legacy2017()))), false);
        Assert.Empty(new OpenXmlValidator().Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = docx.MainDocumentPart!.Document.Body!;
        var rows = body.Elements<Table>().Single().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["统计指标", "单位", "统计数"], rows[0]);
        Assert.Equal(["（一）主动公开政府信息数（不同渠道和方式公开相同的信息列为1条）", "条", "1520"], rows[2]);
        Assert.Equal(["3、政务微博公开政府信息数", "条", "约600"], rows.Single(r => r[0] == "3、政务微博公开政府信息数"));
        Assert.Equal(["2、传真申请数", "件", ""], rows.Single(r => r[0] == "2、传真申请数"));
        var privacy = body.Descendants<TableCell>().Single(c => c.InnerText == "涉及个人隐私");
        Assert.Equal("945", privacy.Descendants<Indentation>().Single().Left!.Value);     // 4、不同意公开答复数 is three levels down
        Assert.DoesNotContain(body.Elements<Paragraph>(), p => p.InnerText.EndsWith('日'));
    }

    [Fact]
    public void The_html_should_name_the_headers_of_every_data_cell_and_escape_the_text()
    {
        var html = Encoding.UTF8.GetString(Bytes(s => ReportHtml.Write(s, District2024())));
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("青岚市映月区人民政府2024年政府信息公开工作年度报告", page.Title);
        Assert.Empty(page.QuerySelectorAll("script"));
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var cells = page.QuerySelectorAll("tbody td");
        Assert.NotEmpty(cells);
        Assert.All(cells, td => Assert.All(td.GetAttribute("headers")!.Split(' '),
            id => Assert.Equal("TH", page.GetElementById(id)?.TagName)));
        Assert.Equal("7", page.QuerySelectorAll("th").Single(th => th.TextContent == "申请人情况").GetAttribute("colspan"));
        Assert.Equal("6", page.QuerySelector("td[data-key='t3.received.total']")!.TextContent);
        Assert.Equal("", page.QuerySelector("td[data-key='t2.penalties.decisions']")!.TextContent);
        Assert.Contains("平均办理时限&lt;15个工作日", html);
        Assert.Contains(page.QuerySelectorAll("p"), p => p.TextContent.Contains("?from=nb&year=2024）运行平稳，平均办理时限<15"));
        Assert.Equal("2025年1月20日", page.QuerySelector("p.published")!.TextContent);
        Assert.DoesNotContain(District2024().Report.Findings, f => html.Contains(f.Message));

        var legacy = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(Bytes(s => ReportHtml.Write(s, Legacy2017()))));
        Assert.All(legacy.QuerySelectorAll("tbody td"), td => Assert.All(td.GetAttribute("headers")!.Split(' '),
            id => Assert.Equal("TH", legacy.GetElementById(id)?.TagName)));
        Assert.Null(legacy.QuerySelector("p.published"));
    }

    private static int Span(TableCell cell) => cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;

    private static string? Merge(TableCell cell) =>
        cell.TableCellProperties?.VerticalMerge is { } merge ? merge.Val?.InnerText ?? "continue" : null;

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}

/// <summary>The golden files, read from and (GONGKAI_UPDATE_GOLDEN=1) written to the source tree, not the build output.</summary>
file static class Golden
{
    private static readonly string Folder = Path.Combine(TestTools.SourceRoot(), "tests", "Gongkai.Tests", "Reports", "Golden");

    public static void Check(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        actual = actual.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
        if (Environment.GetEnvironmentVariable("GONGKAI_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(path), $"No golden file {path}: run the tests with GONGKAI_UPDATE_GOLDEN=1 to write it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
        if (expected == actual)
            return;
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var line = Enumerable.Range(0, Math.Max(e.Length, a.Length)).First(i => i >= e.Length || i >= a.Length || e[i] != a[i]);
        Assert.Fail($"{name} differs from its golden file at line {line + 1}:\nexpected: {(line < e.Length ? e[line] : "(end)")}\n"
            + $"actual:   {(line < a.Length ? a[line] : "(end)")}\nIf the change is intended, rerun with GONGKAI_UPDATE_GOLDEN=1 and review the diff.");
    }
}

/// <summary>
/// Readable text of the binary exports. XLSX: each sheet's name, its rows as tab-separated cell texts, its merged ranges.
/// DOCX: body paragraphs one a line (「[Heading1] 」 for a style other than body text, 「[right] 」 for an alignment),
/// each table as its grid widths then its rows — 「[header] 」 for a repeated header row, 「[span3]」 for w:gridSpan,
/// 「[vstart]」/「[vmerge]」 for the first and the following cells of a w:vMerge — and each section break with its page.
/// An empty cell is 「·」.
/// </summary>
file static class ReportExportDumps
{
    public static string Xlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var lines = new List<string>();
        foreach (var sheet in workbook.Workbook.Descendants<X.Sheet>())
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            lines.Add($"== {sheet.Name} ==");
            lines.AddRange(worksheet.Descendants<X.Row>().Select(r => string.Join("\t", r.Elements<X.Cell>().Select(c => Shown(c.InnerText)))));
            var merges = worksheet.Descendants<X.MergeCell>().Select(m => m.Reference!.Value).ToList();
            if (merges.Count > 0)
                lines.Add($"merged: {string.Join(" ", merges)}");
        }
        return string.Join("\n", lines);
    }

    public static string Docx(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var lines = new List<string>();
        foreach (var element in document.MainDocumentPart!.Document.Body!.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                    var align = p.ParagraphProperties?.Justification?.Val?.InnerText;
                    if (p.InnerText.Length > 0)
                        lines.Add((style is null or "BodyText" ? "" : $"[{style}] ") + (align is null ? "" : $"[{align}] ") + p.InnerText);
                    if (p.ParagraphProperties?.SectionProperties is { } section)
                        lines.Add(Page(section));
                    break;
                case Table t:
                    lines.Add($"[table {string.Join(" ", t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => c.Width!.Value))}]");
                    lines.AddRange(t.Elements<TableRow>().Select(r => (r.TableRowProperties?.GetFirstChild<TableHeader>() is null ? "" : "[header] ")
                        + string.Join("\t", r.Elements<TableCell>().Select(Cell))));
                    lines.Add("[/table]");
                    break;
                case SectionProperties s:
                    lines.Add(Page(s));
                    break;
            }
        }
        return string.Join("\n", lines);
    }

    private static string Cell(TableCell cell)
    {
        var properties = cell.TableCellProperties;
        var span = properties?.GridSpan?.Val?.Value is > 1 and var n ? $"[span{n}]" : "";
        return properties?.VerticalMerge is { } merge
            ? span + (merge.Val?.InnerText == "restart" ? "[vstart]" + Shown(cell.InnerText) : "[vmerge]")
            : span + Shown(cell.InnerText);
    }

    private static string Page(SectionProperties section)
    {
        var size = section.GetFirstChild<PageSize>()!;
        return $"[section A4 {(size.Orient?.Value == PageOrientationValues.Landscape ? "landscape" : "portrait")} {size.Width}×{size.Height}]";
    }

    private static string Shown(string text) => text.Length == 0 ? "·" : text;
}
