using System.Text;

namespace Gongkai.Tests.Catalog;

/// <summary>Small PDFs written by hand, with a correct cross-reference table: object 1 is the catalog, 2 the page tree, 3 the page.</summary>
public static class TestPdf
{
    /// <param name="catalog">Entries added to the catalog dictionary, e.g. "/OpenAction 4 0 R".</param>
    /// <param name="page">Entries added to the page dictionary.</param>
    /// <param name="more">Objects 4, 5, … as written between "n 0 obj" and "endobj".</param>
    public static byte[] With(string catalog = "", string page = "", params string[] more)
    {
        string[] objects =
        [
            $"<< /Type /Catalog /Pages 2 0 R {catalog} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {page} >>",
            .. more,
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A PDF that runs a script as soon as it is opened.</summary>
    public static byte[] WithOpeningScript() => With("/OpenAction 4 0 R", "", "<< /S /JavaScript /JS (app.alert\\('x'\\);) >>");
}
