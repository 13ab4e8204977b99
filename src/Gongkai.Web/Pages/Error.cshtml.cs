using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The one error page: a Chinese explanation, never a stack trace.</summary>
/// <remarks>
/// Re-executed for an error status (/error/{status}) or an exception (/error, the status already chosen by the exception
/// handler: 413 for a body over the limit); also the target of redirects (/error/403). The status comes from the route
/// or the response, never from the form: a re-executed POST still carries the body that failed, which must not be read
/// again.
/// </remarks>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public IActionResult OnGet([FromRoute] int? status) => Show(status);
    public IActionResult OnPost([FromRoute] int? status) => Show(status);

    private IActionResult Show(int? status)
    {
        var reExecuted = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null || HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        var code = status is >= 400 and < 600 ? status.Value
            : reExecuted && Response.StatusCode >= 400 ? Response.StatusCode
            : reExecuted ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status404NotFound;   // asked for directly without an error status (/error, /error/0): no such page
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path.StartsWith("/api") == true)
            return new ObjectResult(new ProblemDetails { Title = Startup.ChineseStatus(code), Status = code }) { StatusCode = code };
        Response.StatusCode = code;
        (Heading, Explanation) = code switch
        {
            404 => ("找不到该页面", "您访问的页面不存在，可能已被移除或地址有误。"),
            400 => ("请求无效", "请求的格式不正确。如果您提交了表单，请返回后刷新页面重新提交。"),
            403 => ("无权访问", "您没有访问该页面的权限。"),
            413 => ("提交的内容过大", HttpContext.Items[RequestBodies.RefusedOver] is long limit
                ? $"提交的内容超过了允许的 {RequestBodies.Megabytes(limit)}。请压缩或拆分后重新上传。"
                : "上传的文件超过了允许的大小。请压缩或拆分后重新上传。"),
            429 => ("操作过于频繁", $"您在短时间内提交的次数过多，请{Wait()}后再试。"),
            _ when code >= 500 => ("系统出错了", "服务器处理您的请求时发生错误，请稍后重试。问题持续存在时，请联系政府信息公开工作机构。"),
            _ => ("请求未能完成", $"请求未能完成（状态码 {code}）。"),
        };
        return Page();
    }

    /// <summary>How long a client refused for its rate waits, from Retry-After (a letter's limit is per hour, the others per minute).</summary>
    private string Wait() => int.TryParse(Response.Headers.RetryAfter, out var seconds) && seconds > 90 ? $" {(seconds + 59) / 60} 分钟" : "一分钟";
}
