using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.App.SiteCheck.Network;

/// <summary>A response body as text, in the charset the server or the page names (many government sites still serve GBK).</summary>
public static partial class WebText
{
    static WebText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<c>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Charset();

    /// <summary>Makes GBK, GB2312 and GB18030 known to readers that decode by themselves (XmlReader with an encoding declaration).</summary>
    public static void EnsureEncodings() { }

    public static string Decode(byte[] body, string contentType)
    {
        if (body.Length == 0)
            return "";
        var encoding = EncodingOf(contentType) ?? EncodingOf(Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 2048))) ?? Encoding.UTF8;
        return encoding.GetString(body);
    }

    private static Encoding? EncodingOf(string text)
    {
        var m = Charset().Match(text ?? "");
        if (!m.Success)
            return null;
        var name = m.Groups["c"].Value.ToLowerInvariant() is "gb2312" or "gbk" ? "GB18030" : m.Groups["c"].Value;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
