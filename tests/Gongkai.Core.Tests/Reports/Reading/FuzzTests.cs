using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>
/// The reader and the audit never throw (issue 6, quality bars): random bytes, truncated reports, huge numbers, repeated
/// rows, a megabyte of tables. Seeds are fixed, so a failure reproduces; an input that once crashed is kept below as its
/// own case. How fast the large inputs go is measured by the audit bench (`Gongkai.Bench audit`, "Large inputs"), not
/// here: a test asserts what is read, never a time (a reader quadratic in its input would not finish them anyway).
/// </summary>
public class FuzzTests
{
    private static readonly string[] Pieces =
    [
        "|", "\t", "\n", " ", "(", ")", "（", "）", "其中", "，", "。", "；", "、", "万", "余", "约", "近", "%", "占", "分别占", "合计", "共",
        "同比增长", "比上年(", "件)", "条", "件", "人次", "万元", "/", "-", "—", "无", "0", "7", "15", "1,234", "142.2", "99999999999999999999999999",
        "一、本年新收政府信息公开申请数量", "（一）予以公开", "3.其他", "（七）总计", "总计", "其他", "规章", "本年制发件数", "行政复议", "结果维持",
        "复议后起诉", "自然人", "（一）主动公开政府信息数", "四、行政复议数量", "（三）其他情形数", "市级", "区级", "州本级", "县市", "现场申请",
        "共收到申请", "主动公开政府信息", "行政诉讼", "<td>", "<tr>", "</td>", "<table>", "&nbsp;", "報(bào)告", "2021年政府信息公开工作年度报告",
        "2017年", "\u200b", "\uFEFF", "\uD800", "１２", "十二", "两千零五",
    ];

    [Fact]
    public void Random_bytes_decoded_as_utf8_should_never_throw()
    {
        var random = new Random(20261122);
        for (var n = 0; n < 400; n++)
        {
            var bytes = new byte[random.Next(0, 3_000)];
            random.NextBytes(bytes);
            AuditDoesNotThrow(Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public void Random_report_vocabulary_should_never_throw()
    {
        var random = new Random(6);
        for (var n = 0; n < 400; n++)
        {
            var builder = new StringBuilder();
            for (var k = random.Next(1, 400); k > 0; k--)
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            AuditDoesNotThrow(builder.ToString());
        }
    }

    [Fact]
    public void Every_report_truncated_at_many_points_should_never_throw()
    {
        var texts = new[] { "changsha-2018", "kaifu-2012", "xiangxi-2017" }.Select(ReadingFiles.Sample)
            .Concat(ReadingFiles.WrittenNames().Select(ReadingFiles.Written));
        foreach (var text in texts)
        {
            for (var cut = 0; cut < text.Length; cut += Math.Max(1, text.Length / 60))
            {
                AuditDoesNotThrow(text[..cut]);
                AuditDoesNotThrow(text[cut..]);
            }
        }
    }

    [Theory]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("主动公开政府信息99999999999999999999999999999999条，其中，市级99999999999999999999万条，区级79228162514264337593543950335条。")]
    [InlineData("共收到申请9999999999999999999999999件，比上年(0.0000000000000000000000001件)增长99999999999999999999%，其中现场申请1件。")]
    [InlineData("共100件，其中州本级99999999999999999999999999件，占99999.9999%")]
    [InlineData("四、行政复议数量\n79228162514264337593543950335\n(一)维持具体行政行为数\n79228162514264337593543950335\n(二)被依法纠错数\n79228162514264337593543950335")]
    [InlineData("| 一、本年新收政府信息公开申请数量 | 999999999999999 | 999999999999999 | 1 | 1 | 1 | 1 | 1 |")]
    [InlineData("行政复议\n结果维持\n" + "9999999999999999999\n9999999999999999999\n")]
    [InlineData("比上年(0件)增长5%，共1件")]
    [InlineData("收到申请3件，比上年(0.4件)下降5%")]
    // Once crashed: a 万 multiplier on a step of 0.0001 overflowed the overflow check itself.
    [InlineData("共1.0001万条，其中，市级0.0001万条，区级1万条")]
    public void Huge_numbers_should_be_left_unread_not_crash(string text)
    {
        var read = ReportReader.Read(text);
        Assert.All(read.Figures.Values, v => Assert.True(Math.Abs(v.Value.Value) < 1e15m));
        AuditDoesNotThrow(text);
    }

    [Fact]
    public void Deeply_repeated_table_rows_should_read_once()
    {
        var xiangxi = ReadingFiles.Sample("xiangxi-2017");
        var table = xiangxi[xiangxi.IndexOf("统计指标", StringComparison.Ordinal)..];
        var text = string.Concat(Enumerable.Repeat(table, 300));
        var read = ReportReader.Read(text);
        var findings = ReportAudit.Run(read);
        Assert.Equal(101, read.Figures["legacy.reconsideration"]!.Value.Value);
        Assert.Equal(["legacy.proactive.channels", "legacy.reconsideration"], findings.Select(f => f.Rule));
    }

    [Fact]
    public void A_megabyte_of_tables_should_read_as_the_first_table_says()
    {
        var report = ReadingFiles.Written("w2021-pipes") + ReadingFiles.Written("w2021-tabs") + ReadingFiles.Written("wlegacy-tabs");
        var text = string.Concat(Enumerable.Repeat(report, 1_000_000 / report.Length + 1));
        Assert.True(text.Length >= 1_000_000);
        var read = ReportReader.Read(text);
        Assert.NotNull(ReportAudit.Run(read));
        Assert.Equal(ReportReader.Read(report).Figures["t3.received.total"], read.Figures["t3.received.total"]);
        Assert.Equal(168, read.Figures["t3.received.total"]!.Value.Value);
    }

    [Fact]
    public void A_megabyte_without_line_breaks_should_never_throw()
    {
        var text = string.Concat(Enumerable.Repeat("其中，州本级10件，县市5件，合计15件，同比增长3%，占20%|", 25_000));
        AuditDoesNotThrow(text);
        AuditDoesNotThrow(text.Replace('|', '\n'));
    }

    private static void AuditDoesNotThrow(string text)
    {
        var read = ReportReader.Read(text);
        Assert.NotNull(ReportAudit.Run(read));
        Assert.All(read.Figures.Keys, k => Assert.NotNull(read.Quote(k)));
    }
}
