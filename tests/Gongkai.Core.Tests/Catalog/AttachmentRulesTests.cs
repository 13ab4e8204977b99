using Gongkai.Core.Catalog;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>附件: the type by extension confirmed by the content's first bytes, the size limit, and a safe file name.</summary>
public class AttachmentRulesTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%âãÏÓ"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46];
    private static readonly byte[] Gif = "GIF89a\x01\x00"u8.ToArray();
    private static readonly byte[] Webp = "RIFF\x24\x00\x00\x00WEBPVP8 "u8.ToArray();
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static AttachmentCheck Check(string name, byte[] head, long length = 1000) => AttachmentRules.Check(name, length, head);

    public static TheoryData<string, byte[], AttachmentKind> Acceptable => new()
    {
        { "关于2024年部门预算公开的说明.pdf", Pdf, AttachmentKind.Pdf },
        { "附件1：申请表.DOCX", Zip, AttachmentKind.Docx },
        { "统计表.Xlsx", Zip, AttachmentKind.Xlsx },
        { "现场照片.PNG", Png, AttachmentKind.Png },
        { "现场照片.jpg", Jpeg, AttachmentKind.Jpeg },
        { "现场照片.JPEG", Jpeg, AttachmentKind.Jpeg },
        { "流程图.gif", Gif, AttachmentKind.Gif },
        { "流程图.webp", Webp, AttachmentKind.Webp },
    };

    [Theory]
    [MemberData(nameof(Acceptable))]
    public void Each_kind_should_be_accepted_by_extension_in_any_case_with_matching_content(string name, byte[] head, AttachmentKind kind)
    {
        var check = Check(name, head);
        Assert.True(check.Accepted, check.Problem);
        Assert.Equal(kind, check.Kind);
    }

    [Fact]
    public void An_exe_should_be_refused_with_a_chinese_message()
    {
        var check = Check("setup.exe", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.False(check.Accepted);
        Assert.Equal("不支持的附件类型：.exe。可上传 PDF、Word（.docx）、Excel（.xlsx）和图片（PNG、JPG、GIF、WebP）。", check.Problem);
        Assert.StartsWith("不支持的附件类型：无扩展名。", Check("README", Pdf).Problem);
    }

    [Fact]
    public void An_exe_hidden_behind_a_trailing_dot_or_a_path_should_still_be_an_exe()
    {
        Assert.StartsWith("不支持的附件类型：.exe。", Check("说明.pdf.exe.", Pdf).Problem);
        Assert.StartsWith("不支持的附件类型：.exe。", Check("C:\\文件.pdf\\setup.exe", Pdf).Problem);
        // U+202E turns "说明\u202Efdp.exe" into 说明exe.pdf on screen; the name is still an .exe.
        Assert.StartsWith("不支持的附件类型：.exe。", Check("说明\u202Efdp.exe", Pdf).Problem);
    }

    [Fact]
    public void Old_office_formats_should_be_refused_with_how_to_convert_them()
    {
        Assert.EndsWith("请在 Word 中另存为 .docx 后上传。", Check("通知.doc", Ole).Problem);
        Assert.EndsWith("请在 Excel 中另存为 .xlsx 后上传。", Check("名单.XLS", Ole).Problem);
    }

    [Fact]
    public void An_empty_or_too_large_file_should_be_refused_with_its_size()
    {
        Assert.Equal("附件为空。", AttachmentRules.Check("空白.pdf", 0, [], AttachmentRules.DefaultMaxBytes).Problem);
        var size = (long)(25.3 * 1024 * 1024);
        Assert.Equal("附件过大：25.3 MB，上限 20 MB。", Check("扫描件.pdf", Pdf, size).Problem);
        Assert.Equal("附件过大：20.1 MB，上限 20 MB。", Check("扫描件.pdf", Pdf, AttachmentRules.DefaultMaxBytes + 1).Problem);
        Assert.True(Check("扫描件.pdf", Pdf, AttachmentRules.DefaultMaxBytes).Accepted);
        Assert.Equal("附件过大：2 KB，上限 1 KB。", AttachmentRules.Check("小.pdf", 1025, Pdf, maxBytes: 1024).Problem);
    }

    [Theory]
    [InlineData(1, "1 KB")]
    [InlineData(1024, "1 KB")]
    [InlineData(1025, "2 KB")]
    [InlineData(1024 * 1024 - 1, "1024 KB")]
    [InlineData(1024 * 1024, "1 MB")]
    [InlineData(3_565_158, "3.4 MB")]
    public void A_size_should_show_in_kb_rounded_up_or_in_mb_to_one_decimal(long bytes, string shown) =>
        Assert.Equal(shown, AttachmentRules.ShowSize(bytes));

    [Fact]
    public void Content_that_does_not_match_the_extension_should_be_refused_saying_what_it_seems_to_be()
    {
        Assert.Equal("文件内容与扩展名 .pdf 不符（内容像是PNG 图片），请核对后重新上传。", Check("公告.pdf", Png).Problem);
        Assert.Contains("旧版 Office 文档", Check("通知.docx", Ole).Problem);
        Assert.Contains("Windows 可执行程序", Check("照片.jpg", [0x4D, 0x5A, 0x90, 0x00]).Problem);
        Assert.Equal("文件内容与扩展名 .png 不符，请核对后重新上传。", Check("图.png", [1, 2, 3]).Problem);
        Assert.False(Check("图.webp", "RIFF\x24\x00\x00\x00WAVE"u8.ToArray()).Accepted);
        Assert.False(Check("公告.pdf", []).Accepted);
    }

    [Fact]
    public void Kinds_should_have_chinese_names_mime_types_and_extensions()
    {
        Assert.Equal("Word 文档（.docx）", AttachmentKind.Docx.ChineseName());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", AttachmentKind.Xlsx.MimeType());
        Assert.Equal("image/jpeg", AttachmentKind.Jpeg.MimeType());
        Assert.Equal(".jpg", AttachmentKind.Jpeg.Extension());
        Assert.Equal(".webp", AttachmentKind.Webp.Extension());
        Assert.All(AcceptedKinds.CatalogAttachments.Kinds, k => Assert.DoesNotContain("不支持", Check("x" + k.Extension(), []).Problem));
        Assert.All(AcceptedKinds.ReleasedDocuments.Kinds, k => Assert.DoesNotContain("不支持",
            AttachmentRules.Check("x" + k.Extension(), 1, [], accepted: AcceptedKinds.ReleasedDocuments).Problem));
        Assert.Equal([false, false, false, true, true, true, true, false, false, false, false], Enum.GetValues<AttachmentKind>().Select(k => k.IsImage()));
        Assert.Equal("application/ofd", AttachmentKind.Ofd.MimeType());
    }

    [Theory]
    [InlineData("答复材料.doc", AttachmentKind.Doc)]
    [InlineData("名单.XLS", AttachmentKind.Xls)]
    [InlineData("批复.ofd", AttachmentKind.Ofd)]
    [InlineData("全部材料.zip", AttachmentKind.Zip)]
    [InlineData("告知书.pdf", AttachmentKind.Pdf)]
    public void A_released_document_should_take_the_older_formats_ofd_and_zip_by_their_content(string name, AttachmentKind kind)
    {
        var head = kind switch { AttachmentKind.Doc or AttachmentKind.Xls => Ole, AttachmentKind.Pdf => Pdf, _ => Zip };
        var check = AttachmentRules.Check(name, 1000, head, accepted: AcceptedKinds.ReleasedDocuments);

        Assert.True(check.Accepted, check.Problem);
        Assert.Equal(kind, check.Kind);
        Assert.False(AttachmentRules.Check(name, 1000, Png, accepted: AcceptedKinds.ReleasedDocuments).Accepted);
        Assert.Equal(kind == AttachmentKind.Pdf, Check(name, head).Accepted);   // a catalog item keeps to its own kinds
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script>")]
    [InlineData("\uFEFF  <html><body>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">")]
    [InlineData("<?xml version=\"1.0\"?><x/>")]
    public void A_web_page_renamed_as_a_document_should_be_refused_saying_so(string content)
    {
        var head = System.Text.Encoding.UTF8.GetBytes(content).AsSpan(0, AttachmentRules.HeadLength).ToArray();
        foreach (var name in new[] { "答复.pdf", "答复.docx", "答复.png", "答复.zip" })
        {
            var check = AttachmentRules.Check(name, 1000, head, accepted: AcceptedKinds.ReleasedDocuments);
            Assert.False(check.Accepted);
            Assert.Contains("内容像是网页（HTML）或其他文本", check.Problem);
        }
    }

    [Fact]
    public void Stored_content_should_be_served_as_what_it_is_and_only_a_harmless_pdf_or_an_image_shown_inline()
    {
        Assert.Equal(AttachmentKind.Docx, AttachmentRules.Detect("答复.docx", Zip, AcceptedKinds.ReleasedDocuments));
        Assert.Null(AttachmentRules.Detect("答复.pdf", "<html>"u8, AcceptedKinds.ReleasedDocuments));
        Assert.Null(AttachmentRules.Detect("答复.html", "<html>"u8, AcceptedKinds.ReleasedDocuments));

        Assert.True(AttachmentKind.Pdf.MayShowInline(ActiveContent.None));
        Assert.False(AttachmentKind.Pdf.MayShowInline(ActiveContent.JavaScript));
        Assert.True(AttachmentKind.Png.MayShowInline(ActiveContent.None));
        Assert.All([AttachmentKind.Docx, AttachmentKind.Xlsx, AttachmentKind.Doc, AttachmentKind.Xls, AttachmentKind.Ofd, AttachmentKind.Zip],
            k => Assert.False(k.MayShowInline(ActiveContent.None)));
    }

    [Fact]
    public void Active_content_should_be_named_in_chinese()
    {
        Assert.Equal("", ActiveContent.None.ChineseName());
        Assert.Equal("JavaScript 脚本、启动外部程序的动作、自动触发的动作",
            (ActiveContent.AdditionalActions | ActiveContent.Launch | ActiveContent.JavaScript).ChineseName());
        Assert.Equal("未能完整检查的内容", ActiveContent.Unchecked.ChineseName());
    }

    [Theory]
    [InlineData("C:\\Users\\张三\\Desktop\\关于2024年部门预算公开的说明.pdf", "关于2024年部门预算公开的说明.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("报告<草稿>:第1版?.pdf", "报告草稿第1版.pdf")]
    [InlineData("  名单\t\n汇总 \u3000表 .xlsx", "名单 汇总 表.xlsx")]
    [InlineData("说明\u202Efdp.exe", "说明fdp.exe")]
    [InlineData("铃\u0007声\u0000.pdf.", "铃声.pdf")]
    [InlineData(".pdf", "附件.pdf")]
    [InlineData("..", "附件")]
    [InlineData("", "附件")]
    [InlineData(null, "附件")]
    [InlineData("C:\\", "附件")]
    [InlineData("？？.docx", "？？.docx")]
    public void A_file_name_should_keep_chinese_and_lose_paths_and_forbidden_characters(string? name, string expected) =>
        Assert.Equal(expected, AttachmentRules.SafeFileName(name));

    [Fact]
    public void A_long_file_name_should_be_cut_to_120_characters_keeping_the_extension_and_whole_characters()
    {
        var name = AttachmentRules.SafeFileName(new string('政', 200) + ".pdf");
        Assert.Equal(120, name.Length);
        Assert.EndsWith("政.pdf", name);

        // 𠀀 (U+20000) is two UTF-16 units; the cut must not leave half of one.
        var wide = AttachmentRules.SafeFileName("ab" + string.Concat(Enumerable.Repeat("𠀀", 100)) + ".docx");
        Assert.Equal(119, wide.Length);
        Assert.EndsWith("𠀀.docx", wide);
    }
}
