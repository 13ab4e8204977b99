using System.Text;
using System.Text.Json;
using Gongkai.Cli;
using Gongkai.Tests.Catalog;

namespace Gongkai.Tests.Cli;

/// <summary>`gongkai privacy screen FILE…`: the publication's screen on files, one JSON object a hit, exit code 1 on a hit.</summary>
public sealed class PrivacyCliTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("gongkai-privacy-");

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static async Task<CliRun> ScreenAsync(params string[] files)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await GongkaiCli.RunAsync(["privacy", "screen", .. files], output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private static List<Dictionary<string, string>> Lines(CliRun run) =>
        [.. run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<Dictionary<string, string>>(l)!)];

    [Fact]
    public async Task Each_file_type_should_be_screened_and_each_hit_printed_masked_as_one_json_object()
    {
        var text = Write("名单.txt", Encoding.UTF8.GetBytes("申请人张三，身份证号 110105 19491231 002X，手机13912345678。\n"));
        var gbk = Write("旧名单.txt", CodePagesGb18030("联系人李四，电子邮箱 lisi@example.gov.cn。"));
        var html = Write("公示.html", Encoding.UTF8.GetBytes("<html><body><p>身份证号<b>110105</b>19491231002X</p><p><a href=\"tel:139-1234-5678\">电话</a></p></body></html>"));
        var docx = Write("名单.docx", AttachmentTextTests.Docx(AttachmentTextTests.Para("王五 卡号 6222 0212 3456 7890 128")));
        var xlsx = Write("名单.xlsx", CatalogAttachmentTests.NameList());
        var pdf = Write("名单.pdf", AttachmentTextTests.Pdf("Zhao Liu, ID 110105 19491231 002X"));

        var run = await ScreenAsync(text, gbk, html, docx, xlsx, pdf);

        Assert.Equal(1, run.ExitCode);
        var lines = Lines(run);
        Assert.All(lines, l => Assert.Equal(["file", "kind", "masked", "context"], l.Keys.ToArray()));
        Assert.Equal(new[]
        {
            (text, "id_card", "110105********002X"), (text, "mobile", "139****5678"),
            (gbk, "email", "l***@example.gov.cn"),
            (html, "id_card", "110105********002X"), (html, "mobile", "139****5678"),
            (docx, "bank_card", "622202*********0128"),
            (xlsx, "id_card", "110105********002X"),
            (pdf, "id_card", "110105********002X"),
        }, lines.Select(l => (l["file"], l["kind"], l["masked"])));
        // The context is masked too — the hit and every other number in it — and on one line.
        Assert.Equal("申请人张三，身份证号 110105********002X，手机139****5678。", lines[0]["context"]);
        Assert.DoesNotContain(lines, l => l["context"].Contains("19491231") || l["context"].Contains('\n'));
        Assert.Contains("共发现 8 处个人信息", run.Error);
    }

    [Fact]
    public async Task Files_without_personal_data_should_exit_0_with_nothing_on_standard_output()
    {
        var notice = Write("通知.txt", Encoding.UTF8.GetBytes("现将2019年1月1日至2019年12月31日的情况公告如下。咨询电话：0731-12345678。青政发〔2019〕12号。"));
        var page = Write("通知.html", Encoding.UTF8.GetBytes("<p>2019</p><p>110105</p><table><tr><td>139</td><td>12345678</td></tr></table>"));

        var run = await ScreenAsync(notice, page);

        Assert.Equal((0, ""), (run.ExitCode, run.Out));
        Assert.Contains("未发现个人信息", run.Error);
    }

    [Fact]
    public async Task A_missing_or_unreadable_file_should_be_named_and_exit_2_unless_another_file_has_a_hit()
    {
        var damaged = Write("损坏.pdf", Encoding.UTF8.GetBytes("<html>not a pdf</html>"));
        var missing = Path.Combine(folder.FullName, "没有这个文件.txt");

        var run = await ScreenAsync(damaged, missing);

        Assert.Equal((2, ""), (run.ExitCode, run.Out));
        Assert.Contains($"{damaged}：无法检查：文件内容与扩展名 .pdf 不符", run.Error);
        Assert.Contains($"找不到文件或文件夹：{missing}", run.Error);

        var hit = Write("名单.txt", Encoding.UTF8.GetBytes("手机13912345678"));
        Assert.Equal(1, (await ScreenAsync(damaged, hit)).ExitCode);
    }

    [Fact]
    public async Task A_folder_should_be_screened_recursively()
    {
        Directory.CreateDirectory(Path.Combine(folder.FullName, "子目录"));
        var inner = Write(Path.Combine("子目录", "名单.txt"), Encoding.UTF8.GetBytes("手机 139 1234 5678"));

        var run = await ScreenAsync(folder.FullName);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(inner, Assert.Single(Lines(run))["file"]);
    }

    private static byte[] CodePagesGb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }
}
