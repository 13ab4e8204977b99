using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.App.Catalog;
using Gongkai.Core.Catalog;
using Gongkai.Core.Privacy;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Tests.Catalog;

/// <summary>The text of real PDF, Word and Excel files, for the personal-data screen; damaged files give one Chinese error.</summary>
public class AttachmentTextTests
{
    private const string IdNumber = "11010519491231002X"; // the example of GB 11643-1999

    [Fact]
    public void A_docx_should_give_body_tables_tracked_deletions_headers_and_footers()
    {
        var text = AttachmentText.Extract(AttachmentKind.Docx, new MemoryStream(Docx(
            Para("关于张三同志申请材料的公示"),
            new W.Paragraph(new W.Run(new W.Text("身份证号码："), new W.TabChar(), new W.Text(IdNumber))),
            new W.Paragraph(),
            new W.Table(Row("联系人", "电子邮箱"), Row("张三", "zhangsan@example.com"), Row("", "")),
            new W.Paragraph(new W.DeletedRun(new W.Run(new W.DeletedText("原联系电话 13800138000"))) { Id = "1", Author = "编辑" }),
            Para("特此公示。"))));

        Assert.Equal(
            $"关于张三同志申请材料的公示\n身份证号码：\t{IdNumber}\n联系人\t电子邮箱\n张三\tzhangsan@example.com\n原联系电话 13800138000\n特此公示。\n青岚市人民政府办公室\n第 1 页",
            text);
        Assert.Equal([PersonalDataKind.ResidentIdNumber, PersonalDataKind.EmailAddress, PersonalDataKind.MobileNumber],
            PersonalDataScreen.Find(text).Select(h => h.Kind));
    }

    [Fact]
    public void An_xlsx_should_give_every_sheet_with_shared_and_inline_strings_and_numbers_as_shown()
    {
        var text = AttachmentText.Extract(AttachmentKind.Xlsx, new MemoryStream(Xlsx(
            ("名单", [
                new S.Row(Shared("A1", 0), Shared("B1", 1), Shared("C1", 2), Shared("E1", 3)),
                new S.Row(Inline("A2", "张三"), Inline("B2", IdNumber), Number("C2", "13800138000"), Number("E2", "45413", style: 1)),
                new S.Row(Inline("B4", "多行\n单元格"), Number("C4", "0.30000000000000004")),
            ]),
            ("联系方式", [
                new S.Row(Formula("A1", "zhangsan@example.com"), Number("B1", "0.125", style: 3), Number("C1", "45413.5", style: 2),
                    new S.Cell { CellReference = "D1", DataType = S.CellValues.Boolean, CellValue = new S.CellValue("1") }),
            ]))));

        Assert.Equal(
            $"名单\n姓名\t身份证号码\t手机号码\t\t出生日期\n张三\t{IdNumber}\t13800138000\t\t2024-05-01\n\t多行 单元格\t0.3\n" +
            "联系方式\nzhangsan@example.com\t12.5%\t2024-05-01 12:00:00\tTRUE",
            text);
        Assert.Equal([PersonalDataKind.ResidentIdNumber, PersonalDataKind.MobileNumber, PersonalDataKind.EmailAddress],
            PersonalDataScreen.Find(text).Select(h => h.Kind));
    }

    [Fact]
    public void A_pdf_should_give_the_text_of_every_page()
    {
        var text = AttachmentText.Extract(AttachmentKind.Pdf, new MemoryStream(Pdf("Contact: zhangsan@example.com", "Mobile: 138 0013 8000")));

        Assert.Contains("Contact: zhangsan@example.com", text);
        Assert.Contains("Mobile: 138 0013 8000", text);
        Assert.Equal([PersonalDataKind.EmailAddress, PersonalDataKind.MobileNumber], PersonalDataScreen.Find(text).Select(h => h.Kind));
    }

    [Fact]
    public void An_image_should_have_no_text_and_a_stream_should_be_read_from_where_it_stands()
    {
        Assert.Equal("", AttachmentText.Extract(AttachmentKind.Png, new MemoryStream([0x89, 0x50, 0x4E, 0x47])));

        var positioned = new MemoryStream();
        positioned.Write("前缀"u8);
        var start = positioned.Position;
        positioned.Write(Docx(Para("正文")));
        positioned.Position = start;
        Assert.StartsWith("正文\n", AttachmentText.Extract(AttachmentKind.Docx, positioned));

        var pdf = new MemoryStream(Pdf("Text"));
        var docx = new MemoryStream(Docx(Para("正文")));
        Assert.StartsWith("Text", AttachmentText.Extract(AttachmentKind.Pdf, pdf));
        Assert.StartsWith("正文\n", AttachmentText.Extract(AttachmentKind.Docx, docx));
        Assert.True(pdf.CanRead && docx.CanRead, "the caller's stream stays open");
    }

    [Fact]
    public void A_long_document_should_stop_at_the_limit()
    {
        var paragraphs = Enumerable.Range(0, 210).Select(_ => Para(new string('政', 10_000))).ToArray();
        var text = AttachmentText.Extract(AttachmentKind.Docx, new MemoryStream(Docx(paragraphs)));
        Assert.Equal(AttachmentText.MaxCharacters, text.Length);
    }

    [Fact]
    public void A_zip_bomb_should_be_refused_by_its_declared_size_before_it_is_unpacked()
    {
        // The central directory says the first part unpacks to 2 GB; nothing is inflated to find out.
        var bomb = Docx(Para("正文"));
        var directory = bomb.AsSpan().IndexOf("PK\x01\x02"u8);
        BitConverter.TryWriteBytes(bomb.AsSpan(directory + 24, 4), int.MaxValue);

        var error = Assert.Throws<AttachmentUnreadableException>(() => AttachmentText.Extract(AttachmentKind.Docx, new MemoryStream(bomb)));
        Assert.Equal("无法读取附件内容：文件解压后过大。", error.Message);
    }

    [Theory]
    [InlineData(AttachmentKind.Pdf, "garbage")]
    [InlineData(AttachmentKind.Pdf, "truncated")]
    [InlineData(AttachmentKind.Pdf, "docx")]
    [InlineData(AttachmentKind.Docx, "garbage")]
    [InlineData(AttachmentKind.Docx, "truncated")]
    [InlineData(AttachmentKind.Docx, "xlsx")]
    [InlineData(AttachmentKind.Docx, "empty")]
    [InlineData(AttachmentKind.Xlsx, "garbage")]
    [InlineData(AttachmentKind.Xlsx, "truncated")]
    [InlineData(AttachmentKind.Xlsx, "docx")]
    [InlineData(AttachmentKind.Xlsx, "pdf")]
    public void A_damaged_file_should_give_one_chinese_error(AttachmentKind kind, string damage)
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        var real = kind switch
        {
            AttachmentKind.Pdf => Pdf("Text"),
            AttachmentKind.Docx => Docx(Para("正文")),
            _ => Xlsx(("表", [new S.Row(Inline("A1", "正文"))])),
        };
        byte[] content = damage switch
        {
            "garbage" => [.. real[..5], .. garbage], // the right magic bytes, then noise
            "truncated" => real[..(real.Length / 3)],
            "docx" => Docx(Para("正文")),
            "xlsx" => Xlsx(("表", [new S.Row(Inline("A1", "正文"))])),
            "pdf" => Pdf("Text"),
            _ => [],
        };

        var error = Assert.Throws<AttachmentUnreadableException>(() => AttachmentText.Extract(kind, new MemoryStream(content)));
        Assert.Equal($"无法读取附件内容：文件已损坏，或不是有效的 {kind.ChineseName()}。", error.Message);
    }

    internal static W.Paragraph Para(string text) => new(new W.Run(new W.Text(text)));

    private static W.TableRow Row(params string[] cells) =>
        new(cells.Select(c => new W.TableCell(c == "" ? new W.Paragraph() : Para(c))));

    internal static byte[] Docx(params OpenXmlElement[] body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(Para("青岚市人民政府办公室"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new W.Footer(Para("第 1 页"));
            main.Document = new W.Document(new W.Body(body.Append(new W.SectionProperties(
                new W.HeaderReference { Id = main.GetIdOfPart(header), Type = W.HeaderFooterValues.Default },
                new W.FooterReference { Id = main.GetIdOfPart(footer), Type = W.HeaderFooterValues.Default }))));
        }
        return stream.ToArray();
    }

    private static S.Cell Shared(string at, int index) => new() { CellReference = at, DataType = S.CellValues.SharedString, CellValue = new(index) };
    private static S.Cell Number(string at, string value, uint style = 0) => new() { CellReference = at, StyleIndex = style, CellValue = new(value) };
    private static S.Cell Formula(string at, string value) =>
        new(new S.CellFormula("LOWER(\"ZHANGSAN@EXAMPLE.COM\")"), new S.CellValue(value)) { CellReference = at, DataType = S.CellValues.String };
    internal static S.Cell Inline(string at, string text) =>
        new(new S.InlineString(new S.Text(text))) { CellReference = at, DataType = S.CellValues.InlineString };

    internal static byte[] Xlsx(params (string Name, S.Row[] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook(new S.Sheets());
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new S.SharedStringTable(
                new S.SharedStringItem(new S.Text("姓名")),
                new S.SharedStringItem(new S.Text("身份证号码")),
                new S.SharedStringItem(new S.Run(new S.Text("手机")), new S.Run(new S.Text("号码"))),
                new S.SharedStringItem(new S.Text("出生日期")));
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new S.Stylesheet(
                new S.NumberingFormats(new S.NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy\"年\"m\"月\"d\"日\" h:mm" }),
                new S.Fonts(new S.Font()), new S.Fills(new S.Fill()), new S.Borders(new S.Border()),
                new S.CellFormats(new S.CellFormat(), new S.CellFormat { NumberFormatId = 14 }, new S.CellFormat { NumberFormatId = 164 },
                    new S.CellFormat { NumberFormatId = 10 }));
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new S.Worksheet(new S.SheetData(rows));
                workbook.Workbook.Sheets!.Append(new S.Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
            }
        }
        return stream.ToArray();
    }

    internal static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        for (var i = 0; i < lines.Length; i++)
            page.AddText(lines[i], 12, new PdfPoint(50, 750 - 20 * i), font);
        builder.AddPage(PageSize.A4).AddText("Page 2", 12, new PdfPoint(50, 750), font);
        return builder.Build();
    }
}
