using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// The four figures a report may state as zero in words (issue 18's corpus guide): 「未收到政府信息公开申请」 →
/// <c>applications.received</c> 0; 「全年未发生因政府信息公开引起的行政复议、行政诉讼」 → <c>reconsideration.total</c> and
/// <c>litigation.total</c> 0; 「未收取任何费用」「没有收费」 → <c>fees</c> 0. A negation speaks for what follows it in its clause:
/// 「没有收到有关政府信息公开行政复议申请」 is about 行政复议 only, 「未经复议直接起诉」 (a table label) about nothing.
/// </summary>
internal static partial class ProseZeros
{
    public static IEnumerable<ReadFigure> Read(string text)
    {
        foreach (var (key, regex) in Statements)
        {
            for (var m = regex.Match(text); m.Success; m = m.NextMatch())
            {
                if (Narrower().IsMatch(m.ValueSpan))
                    continue;
                yield return new ReadFigure(key, Zero(key), ProseText.Quote(text, m.Index, m.Index + m.Length), "0");
                break;
            }
        }
    }

    private static StatedNumber Zero(string key) => new(0, false, 1, key == "fees" ? "万元" : "件");

    private static readonly (string Key, Regex Regex)[] Statements =
    [
        ("applications.received", NoApplications()),
        ("reconsideration.total", NoReconsideration()),
        ("litigation.total", NoLitigation()),
        ("fees", NoFees()),
    ];

    private const string Not = "(?:未(?!经|审结|结|予|按|能|满)|没有|并未|均未|暂未|尚未|从未|不曾|无(?!法|效|需))";

    /// <summary>Words between a negation and what it negates: within the clause, nothing about appeals, fees or complaints.</summary>
    private const string Between = "[^,。;:\n复诉费投举]";

    /// <summary>A negation of some cases only, those of a fault (e18: 「未出现因答复不当引起的行政复议、行政诉讼」 leaves others
    /// open).</summary>
    [GeneratedRegex("不当|不及时|不规范|不到位|错误|失误|违法|违规|泄露|泄密")]
    private static partial Regex Narrower();

    [GeneratedRegex(Not + "(?:(?:收到|接到|接收到|接收|受理|发生|产生)过?" + Between + "{0,30}?(?:申请|请求)|(?:任何)?依申请)(?![^,。;\n]{0,24}(?:复议|诉讼|费|其他|其它))")]
    private static partial Regex NoApplications();

    [GeneratedRegex(Not + "[^,。;:\n]{0,40}?复议(?![^,。;\n]{0,12}(?:纠错|纠正|败诉|撤销))")]
    private static partial Regex NoReconsideration();

    [GeneratedRegex(Not + "[^,。;:\n]{0,40}?诉讼(?![^,。;\n]{0,12}(?:纠错|纠正|败诉|撤销))")]
    private static partial Regex NoLitigation();

    [GeneratedRegex(Not + "[^,。;:\n]{0,40}?(?:收费|收取[^,。;\n]{0,20}?费|费用)")]
    private static partial Regex NoFees();
}
