using Gongkai.App;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office;

/// <summary>How an office form page answers a use case's outcome.</summary>
internal static class OutcomePages
{
    /// <summary>
    /// Done: a message and a redirect; missing or outside the scope: 404; refused: 403. Invalid input returns null
    /// after putting each problem on its field of <paramref name="form"/>, so the page shows the form again.
    /// </summary>
    public static IActionResult? Finish<T>(this PageModel page, Outcome<T> outcome, string form, Func<T, string> done, string next) =>
        page.Finish(outcome, field => $"{form}.{field}", done, _ => next);

    /// <summary>As above, with the page's model-state key of each problem's field and the address after done, both chosen by the page.</summary>
    public static IActionResult? Finish<T>(this PageModel page, Outcome<T> outcome, Func<string, string> field, Func<T, string> done, Func<T, string> next)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                page.TempData["Message"] = done(outcome.Value!);
                return new RedirectResult(next(outcome.Value!));
            case OutcomeKind.Missing:
                return new NotFoundResult();
            case OutcomeKind.Denied:
                return new ForbidResult();
        }
        foreach (var problem in outcome.Problems)
            page.ModelState.AddModelError(field(problem.Field), problem.Message);
        return null;
    }

    /// <summary>
    /// A posted form the model binder could not read — only a hand-made request gets there (the form posts dates and
    /// listed values): each field's error said in Chinese.
    /// </summary>
    public static void ExplainBindingErrors(this PageModel page)
    {
        foreach (var (key, entry) in page.ModelState.Where(e => e.Value!.Errors.Count > 0).ToList())
        {
            entry!.Errors.Clear();
            entry.Errors.Add(key.EndsWith("On", StringComparison.Ordinal) ? "请填写有效的日期（年-月-日）。" : "请从列表中选择。");
            // A checkbox shows the value posted, read as true or false: one that is neither shows the model's value instead.
            if (PropertyType(page.GetType(), key) is { } type && (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool))
                page.ModelState.SetModelValue(key, rawValue: null, attemptedValue: null);
        }
    }

    /// <summary>The type of a bound property by its model-state key (<c>Form.Party</c>), or null.</summary>
    private static Type? PropertyType(Type page, string key)
    {
        Type? type = page;
        foreach (var name in key.Split('.'))
            type = type?.GetProperty(name)?.PropertyType;
        return type;
    }
}
