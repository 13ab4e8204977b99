using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Gongkai.Core.Privacy;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>
/// Staff show a comment on the public page or keep it hidden with a reason. The text shown (as staff edit it, or as
/// sent) always passes the personal-data screen (<see cref="PersonalDataScreen"/>): identity numbers, phone numbers and
/// e-mail addresses are masked, and the commenter's own name is masked (张**). Comments are shown only when the
/// solicitation shows comments.
/// </summary>
public sealed class ModerateComment(GongkaiDb db, ParticipationLog log, OfficeSolicitations office)
{
    public sealed record Input(Guid SolicitationId, Guid CommentId, bool Show, string? ShownText = null, string? Reason = null);

    public async Task<Outcome<SolicitationComment>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<SolicitationComment>.Denied("只有互动交流人员、信息发布人员或管理员可以审核意见。");
        if (await office.FindCommentAsync(input.SolicitationId, input.CommentId, actor, ct) is not var (s, comment))
            return Outcome<SolicitationComment>.Missing("找不到该意见，或它不在您的管辖范围内。");
        var reason = (input.Reason ?? "").Trim();
        string shown = "";
        if (input.Show)
        {
            if (!s.ShowComments)
                return Outcome<SolicitationComment>.Invalid("show", "该意见征集设置为不公开意见，不能公开。");
            var text = string.IsNullOrWhiteSpace(input.ShownText) ? comment.Content : input.ShownText.Trim();
            if (text.Length > CommentOnSolicitation.MaxContent)
                return Outcome<SolicitationComment>.Invalid("shownText", $"公开的内容不能超过 {CommentOnSolicitation.MaxContent} 字。");
            (shown, var masked) = Screen(text, comment.Name);
            reason = masked > 0 ? $"已遮盖个人信息 {masked} 处" : reason;
        }
        else if (reason.Length == 0)
            return Outcome<SolicitationComment>.Invalid("reason", "请说明不予公开的理由。");
        if (reason.Length > 500)
            return Outcome<SolicitationComment>.Invalid("reason", "理由不能超过 500 字。");
        var state = input.Show ? ContributionState.Shown : ContributionState.Hidden;
        if (log.Append(s, ParticipationStep.Moderated, actor, $"{state.ChineseName()}{(reason.Length > 0 ? "：" + reason : "")}", comment.Id) is { } refusal)
            return Outcome<SolicitationComment>.Invalid("", refusal);
        comment.State = state;
        comment.ShownContent = shown;
        comment.ModerationNote = reason;
        await db.SaveChangesAsync(ct);
        return Outcome<SolicitationComment>.Done(comment);
    }

    /// <summary>The text with personal data masked, and how many places were masked.</summary>
    public static (string Text, int Masked) Screen(string text, string commenterName)
    {
        var hits = PersonalDataScreen.Find(text);
        var result = hits.Count > 0 ? PersonalDataScreen.Mask(text, hits) : text;
        var masked = hits.Count;
        var name = (commenterName ?? "").Trim();
        if (name.Length >= 2 && result.Contains(name, StringComparison.Ordinal))
        {
            masked += (result.Length - result.Replace(name, "", StringComparison.Ordinal).Length) / name.Length;
            result = result.Replace(name, NameMask.Mask(name), StringComparison.Ordinal);
        }
        return (result, masked);
    }
}
