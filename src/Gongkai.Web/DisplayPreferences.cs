namespace Gongkai.Web;

/// <summary>字号 chosen on an item page: 大, 中 (the default) or 小.</summary>
public enum TextSize { Medium, Large, Small }

/// <summary>
/// How a visitor asked the portal to show its pages, kept in a cookie so that it holds on every page without JavaScript:
/// 无障碍 / 长者模式 (larger text, higher contrast, wider spacing) and the reading 字号. Set by <c>/display</c>
/// (Pages/Display.cshtml.cs); the layout puts the matching classes on &lt;html&gt;.
/// </summary>
public sealed record DisplayPreferences(bool Elder, TextSize Size)
{
    public const string ElderCookie = "gk-elder";
    public const string SizeCookie = "gk-size";

    public static DisplayPreferences Of(HttpRequest request) => new(
        request.Cookies[ElderCookie] == "on",
        request.Cookies[SizeCookie] switch { "large" => TextSize.Large, "small" => TextSize.Small, _ => TextSize.Medium });

    /// <summary>The classes for &lt;html&gt;: <c>elder</c> in 长者模式, <c>size-large</c>/<c>size-small</c> for a chosen 字号.</summary>
    public string HtmlClasses => string.Join(' ', new[]
    {
        Elder ? "elder" : null,
        Size switch { TextSize.Large => "size-large", TextSize.Small => "size-small", _ => null },
    }.Where(c => c is not null));

    public static string CookieValue(TextSize size) => size switch { TextSize.Large => "large", TextSize.Small => "small", _ => "medium" };

    /// <summary>The address of the switch that sets <paramref name="query"/> and comes back to this page.</summary>
    public static string SwitchLink(HttpRequest request, string query) =>
        $"/display?{query}&return={Uri.EscapeDataString(request.Path + request.QueryString)}";
}
