using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>
/// An opinion from the public on a published solicitation, on the whole draft or on one of its articles (第N条 as the
/// draft numbers them, <see cref="DraftArticles"/>), while the period is open. Name and contact (a phone or an e-mail
/// address) are required and kept private. The comment waits for moderation; it is counted as received whatever
/// moderation decides. Logged as the public's step, without the person's name.
/// </summary>
public sealed class CommentOnSolicitation(GongkaiDb db, ParticipationLog log)
{
    public const int MaxContent = 5000, MinContent = 5;

    /// <summary>The field of the refusal when the period is not open (before it opens or after it closes): the API answers 409.</summary>
    public const string PeriodField = "period";

    public sealed record Input(Guid SolicitationId, int? Article, string? Content, string? Name, string? Phone, string? Email = null);

    public async Task<Outcome<SolicitationComment>> HandleAsync(Input input, CancellationToken ct = default)
    {
        var s = await db.Solicitations.AsNoTracking()
            .Where(x => x.Id == input.SolicitationId && (x.State == ParticipationState.Published || x.State == ParticipationState.Concluded))
            .Select(x => new { x.Id, x.State, x.OpensOn, x.ClosesOn, x.DraftText }).SingleOrDefaultAsync(ct);
        if (s is null)
            return Outcome<SolicitationComment>.Missing("没有找到该意见征集。");
        var today = log.Today;
        if (s.State == ParticipationState.Concluded || today > s.ClosesOn)
            return Outcome<SolicitationComment>.Invalid(PeriodField, $"本次意见征集已于 {s.ClosesOn:yyyy年M月d日} 结束，不再接收意见。");
        if (today < s.OpensOn)
            return Outcome<SolicitationComment>.Invalid(PeriodField, $"本次意见征集自 {s.OpensOn:yyyy年M月d日} 开始接收意见。");

        var problems = new List<Problem>();
        var content = (input.Content ?? "").Trim();
        var name = (input.Name ?? "").Trim();
        var phone = (input.Phone ?? "").Trim();
        var email = (input.Email ?? "").Trim();
        if (content.Length < MinContent) problems.Add(new("content", $"请填写意见内容（至少 {MinContent} 个字）。"));
        else if (content.Length > MaxContent) problems.Add(new("content", $"意见内容不能超过 {MaxContent} 字。"));
        if (name.Length is 0 or > 50) problems.Add(new("name", "请填写姓名（不超过 50 字）。"));
        if (phone.Length == 0 && email.Length == 0)
            problems.Add(new("phone", "请填写联系电话或电子邮箱，至少一项。"));
        if (phone.Length > 0 && !(phone.Length is >= 5 and <= 30 && phone.Count(char.IsAsciiDigit) >= 5 && phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')')))
            problems.Add(new("phone", "请填写有效的联系电话（手机或固定电话）。"));
        if (email.Length > 0 && !(email.Length <= 100 && email.IndexOf('@') > 0 && email.IndexOf('@') < email.Length - 1 && !email.Contains(' ')))
            problems.Add(new("email", "电子邮箱格式不正确。"));
        if (input.Article is { } article && DraftArticles.Of(s.DraftText).All(a => a.Number != article))
            problems.Add(new("article", $"征求意见稿中没有第{article}条，请选择“对全文”或稿中的条款。"));
        if (problems.Count > 0)
            return Outcome<SolicitationComment>.Invalid(problems);

        var comment = new SolicitationComment
        {
            SolicitationId = s.Id, Article = input.Article, Content = content, Name = name, Phone = phone, Email = email,
            SubmittedAt = log.Now, State = ContributionState.Pending,
        };
        db.SolicitationComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return Outcome<SolicitationComment>.Done(comment);
    }
}
