using Gongkai.App.Documents;
using Gongkai.Core.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.App.Applications;
using Gongkai.Core.Applications;

namespace Gongkai.Tests.Applications;

/// <summary>A notice as a Word document: the text in order, on A4 with the margins and fonts of an official paper (GB/T 9704).</summary>
public class NoticeDocumentTests
{
    private static readonly Notice Refusal = Notices.For(
        new NoticeFacts("某市自然资源和规划局", "张三", "K7QM-2HXD-9RTA", new DateOnly(2024, 9, 27), "2023年某地块土地征收补偿方案",
            ApplicationEventKind.Answered, new DateOnly(2024, 10, 30))
        {
            Outcome = Outcome.ThirdPartyRights,
            Note = "该信息包含被征收人的个人信息，公开后会对其合法权益造成损害",
            Sequence = 3,
        })!;

    private static WordprocessingDocument Open(Stream docx)
    {
        docx.Position = 0;
        return WordprocessingDocument.Open(docx, isEditable: false);
    }

    [Fact]
    public void A_notice_should_read_title_number_addressee_body_issuer_and_date_in_order()
    {
        using var docx = new MemoryStream();
        NoticeDocument.WriteDocx(Refusal, docx);

        using var document = Open(docx);
        var lines = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["政府信息公开申请答复告知书", "〔2024〕第 K7QM-2HXD-9RTA-03 号", "张三："], lines[..3]);
        Assert.Equal(Refusal.Paragraphs, lines[3..^2]);
        Assert.Contains(lines, l => l.Contains("第十五条", StringComparison.Ordinal));
        Assert.Equal(["某市自然资源和规划局", "2024年10月30日"], lines[^2..]);
    }

    [Fact]
    public void A_notice_should_be_valid_A4_portrait_with_official_margins_in_FangSong_and_Chinese()
    {
        using var docx = new MemoryStream();
        NoticeDocument.WriteDocx(Refusal, docx);

        using var document = Open(docx);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var section = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        // 37, 35, 28, 26 mm in twips.
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));

        var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("FangSong", defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", defaults.FontSize!.Val!.Value);
        Assert.Equal("zh-CN", defaults.Languages!.EastAsia!.Value);
        var title = document.MainDocumentPart.Document.Body.Elements<Paragraph>().First().Descendants<RunFonts>().Single();
        Assert.Equal("SimHei", title.EastAsia!.Value);
    }

    [Fact]
    public void A_notice_written_to_a_forward_only_stream_should_still_open()
    {
        using var docx = new ForwardOnly();
        NoticeDocument.WriteDocx(Refusal, docx);

        using var copy = new MemoryStream(docx.ToArray());
        using var document = Open(copy);
        Assert.Equal(Refusal.Title, document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().First().InnerText);
    }

    /// <summary>Like an HTTP response body: cannot seek.</summary>
    private sealed class ForwardOnly : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
