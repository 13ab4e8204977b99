using Gongkai.App.Reports.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Tools;

/// <summary>
/// /tools/audit (issue 6): paste a published annual report or upload its file (text, web page, Word, PDF); the page
/// shows the form, unit and year it detected, every finding with the text it rests on, and the figures read, laid out
/// as the form's tables. Works without JavaScript; nothing is saved.
/// </summary>
[RequestSizeLimit(AuditFile.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = AuditFile.MaxBytes + 1024 * 1024)]
public class AuditModel : PageModel
{
    /// <summary>The longest text accepted in the box (a report is tens of thousands of characters).</summary>
    public const int MaxText = 1_000_000;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public AuditedReport? Result { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > AuditFile.MaxBytes)
                return Refuse($"文件超过 {AuditFile.MaxBytes / 1024 / 1024} MB，不像一份年度报告。");
            using var content = new MemoryStream();
            await file.CopyToAsync(content, HttpContext.RequestAborted);
            Result = AuditReport.Audit(file.FileName, content.ToArray());
        }
        else if (!string.IsNullOrWhiteSpace(Text))
        {
            if (Text.Length > MaxText)
                return Refuse($"粘贴的文字超过 {MaxText:N0} 个字符，请改为上传文件。");
            Result = AuditReport.AuditText("粘贴的文字", Text);
        }
        else
            return Refuse("请粘贴报告全文，或选择报告文件。");
        if (Result.Failed)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
