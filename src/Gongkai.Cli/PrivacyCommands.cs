using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Gongkai.App.Privacy;

namespace Gongkai.Cli;

/// <summary>
/// `gongkai privacy screen FILE…`: the publication's personal-data screen on files (text, HTML, DOCX, XLSX, PDF; folders
/// recursively). Standard output: one JSON object a hit with exactly file, kind (id_card, mobile, bank_card, email), masked
/// and context (masked too). Exit code 1 when there is a hit, else 2 when a file could not be read (each named on
/// standard error), else 0.
/// </summary>
internal static class PrivacyCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create(CliContext cli)
    {
        var files = new Argument<string[]>("files") { Description = "要检查的文件（.txt、.html、.docx、.xlsx、.pdf）或文件夹，可多个", Arity = ArgumentArity.OneOrMore };
        var screen = new Command("screen", "检查文件中的个人信息（身份证号码、手机号码、银行卡号、电子邮箱），与发布前核查相同；每处一行 JSON（已遮盖）；发现时退出码为 1") { files };
        screen.SetAction(async (parse, ct) =>
        {
            var hits = 0;
            var unreadable = 0;
            foreach (var path in parse.GetValue(files)!)
            {
                IEnumerable<string>? found = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    : File.Exists(path) ? [path] : null;
                if (found is null)
                {
                    await cli.Error.WriteLineAsync($"找不到文件或文件夹：{path}");
                    unreadable++;
                    continue;
                }
                foreach (var file in found)
                {
                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        var info = new FileInfo(file);
                        var content = info.Length > ScreenFile.MaxBytes ? throw new ScreenFileUnreadableException($"文件超过 {ScreenFile.MaxBytes / 1024 / 1024} MB。")
                            : await File.ReadAllBytesAsync(file, ct);
                        foreach (var hit in ScreenFile.Screen(file, content))
                        {
                            hits++;
                            await cli.Out.WriteLineAsync(JsonSerializer.Serialize(new Line(hit.File, hit.Kind, hit.Masked, hit.Context), Json));
                        }
                    }
                    catch (ScreenFileUnreadableException e)
                    {
                        await cli.Error.WriteLineAsync($"{file}：无法检查：{e.Message}");
                        unreadable++;
                    }
                }
            }
            await cli.Error.WriteLineAsync(hits > 0 ? $"共发现 {hits} 处个人信息，请逐条核查。" : unreadable > 0 ? "可读取的文件中未发现个人信息。" : "未发现个人信息。");
            return hits > 0 ? GongkaiCli.BadInput : unreadable > 0 ? GongkaiCli.NotFound : GongkaiCli.Done;
        });
        return new Command("privacy", "个人信息保护") { screen };
    }

    /// <summary>The printed line: these four keys, in this order, and no other.</summary>
    private sealed record Line(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("masked")] string Masked,
        [property: JsonPropertyName("context")] string Context);
}
