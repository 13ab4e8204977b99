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
            .WithName("AuditReports").Produces<System.Text.Json.JsonElement>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithSummary("审读已公开的年度报告：识别格式（2021、2019 或 2008—2018 统计表）、单位和年度，读出统计数字，检查勾稽关系和文中数字；正文为报告文字（text/plain、text/html）、JSON {\"text\"} 或 multipart/form-data 的 file 字段（可多个）")
            .WithDescription("每个请求的正文不超过 Audit:MaxBytes（默认 5 MB，超过答 413）；每个客户端地址每分钟 RateLimits:AuditsPerMinute 次（超过答 429）；审读逐个进行，排队已满时答 503，均带 Retry-After。")
            .DescribesBody<AuditRequest>(["application/json", "text/plain", "text/html", "multipart/form-data"])
            .WithMetadata(app.Services.GetRequiredService<AuditLimits>().EndpointMetadata)
            .RequireRateLimiting(PublicForms.AuditPolicy);

    /// <summary>A report as received, before its turn: the name it goes by and its bytes (or pasted text).</summary>
    private sealed record Received(string Name, byte[]? Content, string? Text);

    private static async Task<IResult> AuditAsync(HttpContext http, AuditLimits limits, ScannedPdf ocr)
    {
        var received = new List<Received>();
        var tooLarge = Results.Problem(limits.TooLarge, statusCode: StatusCodes.Status413PayloadTooLarge, title: "提交的内容过大");
        try
        {
            var request = http.Request;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(http.RequestAborted);
                foreach (var file in form.Files.Where(f => f.Name == "file"))
                {
                    if (file.Length > limits.MaxBytes)
                        return tooLarge;
                    received.Add(new(file.FileName, await file.ReadAllAsync(http.RequestAborted), null));
                }
                if (received.Count == 0 && form.TryGetValue("text", out var pasted) && !string.IsNullOrWhiteSpace(pasted))
                    received.Add(new("粘贴的文字", null, pasted.ToString()));
            }
            else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            {
                var body = await request.ReadFromJsonAsync<AuditRequest>(http.RequestAborted);
                if (body?.Text is { } text)
                    received.Add(new(body.Name ?? "请求正文", null, text));
            }
            else if (await request.ReadAtMostAsync(limits.MaxBytes, http.RequestAborted) is not { } content)
                return tooLarge;
            else if (content.Length > 0)
                received.Add(new(request.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true ? "请求正文.html" : "请求正文", content, null));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or BadHttpRequestException or EndOfStreamException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"请求无法读取：{e.Message}"] }, title: "输入有误");
        }
        if (received.Count == 0)
            return Results.ValidationProblem(new Dictionary<string, string[]>
            { ["body"] = ["请提交报告：正文为报告文字，或 JSON {\"text\": …}，或 multipart/form-data 的 file 字段。"] }, title: "输入有误");

        using var turn = await limits.WaitForTurnAsync(http.RequestAborted);
        if (!turn.IsAcquired)
        {
            AuditLimitsSetup.RefuseBusy(http.Response);
            return Results.Problem(AuditLimits.Busy, statusCode: StatusCodes.Status503ServiceUnavailable, title: "审读繁忙");
        }
        var reports = received.Select(r => r.Content is { } bytes ? AuditReport.Audit(r.Name, bytes, ocr, http.RequestAborted) : AuditReport.AuditText(r.Name, r.Text!)).ToList();
        using var output = new MemoryStream();
        AuditReport.Write(output, AuditReport.AcrossYears(reports));
        return Results.Bytes(output.ToArray(), "application/json; charset=utf-8");
    }
}
