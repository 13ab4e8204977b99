using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.App.Documents;
using Gongkai.Core.Applications;

namespace Gongkai.App.Applications;

/// <summary>
/// The paper application form (政府信息公开申请表) for applicants who apply in person or by post: the contents 条例第二十九条
/// asks for, as a table to fill by hand, with the choices of the online form as boxes to tick. A Word document with the
/// setup of the office's notices (<see cref="NoticeDocument"/>).
/// </summary>
public static class ApplicationPaperForm
{
    public const string Title = "政府信息公开申请表";
    public const string FileName = "政府信息公开申请表.docx";

    /// <summary>A row under a group's heading (none if empty): its label, and what to tick (empty: blank for handwriting); <c>Lines</c> is the room to write.</summary>
    public sealed record Row(string Group, string Label, string Choices = "", int Lines = 1);

    /// <summary>The rows in order, shared by the Word and the PDF forms.</summary>
    public static IReadOnlyList<Row> Rows { get; } =
    [
        new("申请人信息", "申请人类型", Boxes(Enum.GetValues<ApplicantKind>().Select(k => k.ChineseName()))),
        new("申请人信息", "姓名或名称"),
        new("申请人信息", "联系人（法人或其他组织填写）"),
        new("申请人信息", "证件类型", Boxes(Enum.GetValues<IdDocumentType>().Select(t => t.ChineseName()))),
        new("申请人信息", "证件号码"),
        new("申请人信息", "联系电话"),
        new("申请人信息", "电子邮箱（选择电子邮件获取时必填）"),
        new("申请人信息", "通信地址（选择邮寄时必填）"),
        new("申请人信息", "邮政编码"),
        new("所需政府信息", "受理机关"),
        new("所需政府信息", "所需政府信息的名称、文号或者便于查询的其他特征性描述", Lines: 6),
        new("所需政府信息", "信息的形式", Boxes(Enum.GetValues<InformationForm>().Select(f => f.ChineseName()))),
        new("所需政府信息", "获取信息的方式", Boxes(Enum.GetValues<DeliveryMethod>().Select(d => d.ChineseName()))),
        new("", "申请人签名或者盖章"),
        new("", "申请日期", "　　　　年　　月　　日"),
    ];

    public static IReadOnlyList<string> Notes { get; } =
    [
        "带“□”的项目请在相应方框内打“√”。",
        "本表当面提交的，以提交之日为收到申请之日；邮寄提交的，以行政机关签收之日为收到申请之日（《条例》第三十一条）。",
        "行政机关不能当场答复的，自收到申请之日起 20 个工作日内予以答复；依申请提供政府信息，一般不收取费用（第三十三条、第四十二条）。",
        "也可以在网站“依申请公开”栏目在线提交申请。",
    ];

    private static string Boxes(IEnumerable<string> names) => string.Join("　", names.Select(n => "□" + n));

    private const int CellSize = 24;   // half-points: 12 pt, 小四
    private const int CellLine = 360;   // twips: 18 pt
    private const int LabelWidth = 2800;   // twips
    private const int ValueWidth = 6600;

    public static void WriteDocx(Stream output)
    {
        var body = new Body(NoticeDocument.Paragraph(Title, JustificationValues.Center, font: NoticeDocument.TitleFont, size: NoticeDocument.TitleSize, after: 240));
        var table = new Table(new TableProperties(
            new TableWidth { Width = $"{LabelWidth + ValueWidth}", Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 6 }, new LeftBorder { Val = BorderValues.Single, Size = 6 },
                new BottomBorder { Val = BorderValues.Single, Size = 6 }, new RightBorder { Val = BorderValues.Single, Size = 6 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = $"{LabelWidth}" }, new GridColumn { Width = $"{ValueWidth}" }));
        string? group = null;
        foreach (var row in Rows)
        {
            if (row.Group != group && row.Group != "")
            {
                group = row.Group;
                table.Append(new TableRow(Cell(row.Group, LabelWidth + ValueWidth, span: 2, bold: true)));
            }
            var height = (uint)(row.Lines * CellLine + 120);
            table.Append(new TableRow(
                new TableRowProperties(new TableRowHeight { Val = height, HeightType = HeightRuleValues.AtLeast }, new CantSplit()),
                Cell(row.Label, LabelWidth), Cell(row.Choices, ValueWidth)));
        }
        body.Append(table);
        body.Append(NoticeDocument.Paragraph("填表说明：", JustificationValues.Left, size: CellSize, before: 240, line: CellLine));
        for (var i = 0; i < Notes.Count; i++)
            body.Append(NoticeDocument.Paragraph($"{i + 1}. {Notes[i]}", JustificationValues.Both, size: CellSize, line: CellLine));
        body.Append(NoticeDocument.Page());
        NoticeDocument.Write(output, Title, "政府信息公开工作机构", body);
    }

    private static TableCell Cell(string text, int width, int span = 1, bool bold = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = $"{width}", Type = TableWidthUnitValues.Dxa });
        if (span > 1)
            properties.Append(new GridSpan { Val = span });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var paragraph = NoticeDocument.Paragraph(text, JustificationValues.Left, size: CellSize, line: CellLine);
        if (bold)
            paragraph.GetFirstChild<Run>()!.RunProperties!.PrependChild(new Bold());
        return new TableCell(properties, paragraph);
    }
}
