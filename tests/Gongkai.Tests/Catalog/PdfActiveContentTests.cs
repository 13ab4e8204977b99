using System.Text;
using Gongkai.App.Catalog;
using Gongkai.Core.Catalog;

namespace Gongkai.Tests.Catalog;

/// <summary>What runs by itself in a PDF is found, however it is written (issue 13 §10); an ordinary PDF has none.</summary>
public class PdfActiveContentTests
{
    public static TheoryData<string, byte[], ActiveContent> Files => new()
    {
        { "a script on opening", TestPdf.WithOpeningScript(), ActiveContent.JavaScript },
        { "a document-level script", TestPdf.With("/Names << /JavaScript 4 0 R >>", "", "<< /Names [(init) 5 0 R] >>", "<< /S /JavaScript /JS 6 0 R >>",
            "<< /Length 9 >>\nstream\napp.beep()\nendstream"), ActiveContent.JavaScript },
        { "a page action", TestPdf.With("", "/AA << /O << /S /JavaScript /JS (this.print\\(\\)) >> >>"), ActiveContent.JavaScript | ActiveContent.AdditionalActions },
        { "a link that starts a program", TestPdf.With("", "/Annots [4 0 R]", "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (cmd.exe) >> >>"),
            ActiveContent.Launch },
        { "escaped names", TestPdf.With("/OpenAction 4 0 R", "", "<< /S /J#61va#53cript /J#53 (app.alert\\(1\\)) >>"), ActiveContent.JavaScript },
        { "an opening that only shows the page", TestPdf.With("/OpenAction [3 0 R /Fit]"), ActiveContent.None },
        { "the name inside a page's drawing", TestPdf.With("", "/Contents 4 0 R", "<< /Length 18 >>\nstream\n/JS gs /AA gs 0 0 m\nendstream"), ActiveContent.None },
        { "a PDF written by a library", AttachmentTextTests.Pdf("Notice"), ActiveContent.None },
        { "a header and nothing more", "%PDF-1.4 清单"u8.ToArray(), ActiveContent.None },
        { "unreadable, with packed objects", Encoding.Latin1.GetBytes("%PDF-1.5\n1 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >> garbage"),
            ActiveContent.Unchecked },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Active_content_should_be_found_however_it_is_written(string file, byte[] pdf, ActiveContent expected) =>
        Assert.True(expected == PdfActiveContent.Find(pdf), $"{file}: expected {expected}, found {PdfActiveContent.Find(pdf)}");
}
