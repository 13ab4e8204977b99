namespace Gongkai.Core.Letters;

/// <summary>
/// What a writer sends (写信): a type, a subject and content, name and phone (e-mail optional), for 找错 the page
/// address, and whether the letter may be published. Field names are the API's JSON keys.
/// </summary>
public sealed record LetterRequest
{
    public required LetterType Type { get; init; }
    public required string Subject { get; init; }
    public required string Content { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public string Email { get; init; } = "";
    public string PageUrl { get; init; } = "";
    public bool PublishConsent { get; init; }

    public const int MaxSubject = 100;
    public const int MaxContent = 4000;
    public const int MinContent = 10;

    /// <summary>Every problem as (field, message in Chinese); empty when the letter may be sent.</summary>
    /// <param name="siteErrorChannel">True for the website-error channel, which takes only 找错 and needs the page address.</param>
    public IReadOnlyList<(string Field, string Message)> Problems(bool siteErrorChannel)
    {
        var problems = new List<(string, string)>();
        void Need(bool ok, string field, string message)
        {
            if (!ok)
                problems.Add((field, message));
        }
        if (siteErrorChannel)
            Need(Type == LetterType.SiteError, "type", "“我为政府网站找错”栏目的来信类型为“找错”。");
        else
            Need(LetterTerms.MailboxTypes.Contains(Type), "type", "请选择来信类型：咨询、建议、投诉、求助或其他。");
        var subject = (Subject ?? "").Trim();
        Need(subject.Length is >= 2 and <= MaxSubject, "subject", $"请填写标题（2 至 {MaxSubject} 字）。");
        var content = (Content ?? "").Trim();
        Need(content.Length >= MinContent, "content", $"请填写来信内容（至少 {MinContent} 个字）。");
        Need(content.Length <= MaxContent, "content", $"来信内容不能超过 {MaxContent} 字。");
        var name = (Name ?? "").Trim();
        Need(name.Length is >= 1 and <= 50, "name", "请填写姓名（不超过 50 字）。");
        Need(Privacy.PhoneNumber.LooksValid(Phone),
            "phone", "请填写有效的联系电话（手机或固定电话）。");
        var email = (Email ?? "").Trim();
        if (email.Length > 0)
            Need(email.Length <= 100 && email.IndexOf('@') > 0 && email.IndexOf('@') < email.Length - 1 && !email.Contains(' '), "email", "电子邮箱格式不正确。");
        if (Type == LetterType.SiteError)
        {
            var url = (PageUrl ?? "").Trim();
            Need(url.Length is > 0 and <= 500 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "pageUrl", "请填写出错网页的完整地址（以 http:// 或 https:// 开头）。");
        }
        return problems;
    }

    /// <summary>
    /// The content reduced to its letters and digits (punctuation, spaces and case dropped): two letters with the same
    /// fingerprint are the same text, however they were spaced. Used to refuse 一信多投.
    /// </summary>
    public static string Fingerprint(string content)
    {
        var kept = new string([.. content.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(kept));
        return Convert.ToHexString(hash);
    }
}
