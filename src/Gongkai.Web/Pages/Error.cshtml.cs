using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The one error page: a Chinese explanation, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int? status) => Show(status);
    public IActionResult OnPost(int? status) => Show(status);

    private IActionResult Show(int? status)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path.StartsWith("/api") == true)
            return new ObjectResult(new ProblemDetails { Title = "服务器内部错误，请稍后重试。", Status = code }) { StatusCode = code };
        Response.StatusCode = code;
        (Heading, Explanation) = code switch
        {
            404 => ("找不到该页面", "您访问的页面不存在，可能已被移除或地址有误。"),
            400 => ("请求无效", "请求的格式不正确。如果您提交了表单，请返回后刷新页面重新提交。"),
            403 => ("无权访问", "您没有访问该页面的权限。"),
            413 => ("提交的内容过大", "上传的文件超过了允许的大小。请压缩或拆分后重新上传。"),
            429 => ("操作过于频繁", "您在短时间内提交的次数过多，请一分钟后再试。"),
            _ when code >= 500 => ("系统出错了", "服务器处理您的请求时发生错误，请稍后重试。问题持续存在时，请联系政府信息公开工作机构。"),
            _ => ("请求未能完成", $"请求未能完成（状态码 {code}）。"),
        };
        return Page();
    }
}
