using System.Text.Json;
using Gongkai.App.Reports.Audit;

namespace Gongkai.Web.Api;

/// <summary>
/// POST /api/v1/audit (issue 6): audit published annual reports. The body is one report — plain text or HTML as is,
/// or JSON <c>{"text": …}</c> — or multipart/form-data with one or more <c>file</c> fields (.txt, .html, .docx, .pdf).
/// The answer is the JSON of `gongkai report audit --format json`: an object for one report, an array for several; a
/// file that cannot be read is <c>{"file", "error"}</c> and the others go on. Public: reading a published report needs
/// no account.
/// </summary>
public static class AuditApi
{
    public sealed record AuditRequest(string? Text, string? Name);

    public static void MapAuditApi(this WebApplication app) =>
        app.MapPost("/api/v1/audit", (Delegate)AuditAsync).WithTags("年度报告审读")
            .WithSummary("审读已公开的年度报告：识别格式（2021、2019 或 2008—2018 统计表）、单位和年度，读出统计数字，检查勾稽关系和文中数字；正文为报告文字（text/plain、text/html）、JSON {\"text\"} 或 multipart/form-data 的 file 字段（可多个）")
            .Accepts<AuditRequest>("application/json", "text/plain", "text/html", "multipart/form-data");

    private static async Task<IResult> AuditAsync(HttpContext http)
    {
        var request = http.Request;
        var reports = new List<AuditedReport>();
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(http.RequestAborted);
                foreach (var file in form.Files.Where(f => f.Name == "file"))
                {
                    if (file.Length > AuditFile.MaxBytes)
                    {
                        reports.Add(new(file.FileName, null, [], AuditFile.TooLarge));
                        continue;
                    }
                    using var content = new MemoryStream();
                    await file.CopyToAsync(content, http.RequestAborted);
                    reports.Add(AuditReport.Audit(file.FileName, content.ToArray()));
                }
                if (reports.Count == 0 && form.TryGetValue("text", out var pasted) && !string.IsNullOrWhiteSpace(pasted))
                    reports.Add(AuditReport.AuditText("粘贴的文字", pasted.ToString()));
            }
            else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            {
                var body = await request.ReadFromJsonAsync<AuditRequest>(http.RequestAborted);
                if (body?.Text is { } text)
                    reports.Add(AuditReport.AuditText(body.Name ?? "请求正文", text));
            }
            else
            {
                using var content = new MemoryStream();
                await request.Body.CopyToAsync(content, http.RequestAborted);
                if (content.Length > 0)
                    reports.Add(AuditReport.Audit(request.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true ? "请求正文.html" : "请求正文",
                        content.ToArray()));
            }
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or BadHttpRequestException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"请求无法读取：{e.Message}"] }, title: "输入有误");
        }
        if (reports.Count == 0)
            return Results.ValidationProblem(new Dictionary<string, string[]>
            { ["body"] = ["请提交报告：正文为报告文字，或 JSON {\"text\": …}，或 multipart/form-data 的 file 字段。"] }, title: "输入有误");
        using var output = new MemoryStream();
        AuditReport.Write(output, AuditReport.AcrossYears(reports));
        return Results.Bytes(output.ToArray(), "application/json; charset=utf-8");
    }
}
