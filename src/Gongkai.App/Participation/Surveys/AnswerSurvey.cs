using System.Security.Cryptography;
using System.Text;
using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Surveys;

/// <summary>Where a public survey stands for a visitor, by its dates and state.</summary>
public enum SurveyStage
{
    /// <summary>尚未开始.</summary>
    Upcoming,
    /// <summary>进行中.</summary>
    Open,
    /// <summary>已结束（结果待公布）.</summary>
    Closed,
    /// <summary>已公布结果.</summary>
    ResultsPublished,
}

public static class SurveyStages
{
    public static SurveyStage Of(Survey survey, DateOnly today) =>
        survey.State == ParticipationState.Concluded ? SurveyStage.ResultsPublished
        : today < survey.OpensOn ? SurveyStage.Upcoming
        : today > survey.ClosesOn ? SurveyStage.Closed
        : SurveyStage.Open;

    public static string ChineseName(this SurveyStage stage) => stage switch
    {
        SurveyStage.Upcoming => "尚未开始",
        SurveyStage.Open => "进行中",
        SurveyStage.Closed => "已结束",
        _ => "已公布结果",
    };

    /// <summary>A survey the public may see (published or with its results published), or null.</summary>
    public static Task<Survey?> FindPublicAsync(GongkaiDb db, Guid id, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Include(s => s.Unit)
            .SingleOrDefaultAsync(s => s.Id == id && (s.State == ParticipationState.Published || s.State == ParticipationState.Concluded), ct);
}

/// <summary>
/// A member of the public answers a survey while it is open. One answer per person is checked without an account, and
/// only as well as that can be: the browser keeps a random voter token in a cookie, its SHA-256 is stored with the answer
/// (<see cref="SurveyResponse.VoterKey"/>, unique per survey) and a second answer with the same token is refused; the
/// answer form is also rate-limited per client address. Clearing cookies or changing browsers gets past it — this is a
/// best-effort check against repeated answers, not proof of identity.
/// </summary>
public sealed class AnswerSurvey(GongkaiDb db, ParticipationLog log)
{
    public const int MaxText = 2000;

    /// <summary>Problem fields: <c>period</c> when the survey is not open, <c>voter</c> when this browser has answered already, <c>q{n}</c> per question (from 0).</summary>
    public const string PeriodField = "period";
    public const string VoterField = "voter";

    public sealed record Answer(IReadOnlyList<int> Options, string Text = "");

    /// <param name="Answers">By question position (from 0).</param>
    public sealed record Input(Guid SurveyId, string VoterToken, IReadOnlyDictionary<int, Answer> Answers);

    public static string VoterKey(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A fresh voter token for a browser's cookie (128 random bits).</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether this browser's token has answered the survey.</summary>
    public Task<bool> HasAnsweredAsync(Guid surveyId, string? token, CancellationToken ct = default) =>
        string.IsNullOrEmpty(token) ? Task.FromResult(false) : db.SurveyResponses.AnyAsync(r => r.SurveyId == surveyId && r.VoterKey == VoterKey(token), ct);

    public async Task<Outcome<Guid>> HandleAsync(Input input, CancellationToken ct = default)
    {
        var survey = await SurveyStages.FindPublicAsync(db, input.SurveyId, ct);
        if (survey is null)
            return Outcome<Guid>.Missing("找不到该调查。");
        var stage = SurveyStages.Of(survey, log.Today);
        if (stage != SurveyStage.Open)
            return Outcome<Guid>.Invalid(PeriodField, stage == SurveyStage.Upcoming
                ? $"该调查将于 {survey.OpensOn:yyyy年M月d日} 开始，届时欢迎参与。"
                : $"该调查已于 {survey.ClosesOn:yyyy年M月d日} 结束，不再接收答卷。");
        if (string.IsNullOrWhiteSpace(input.VoterToken) || input.VoterToken.Length > 200)
            return Outcome<Guid>.Invalid(VoterField, "请允许浏览器保存本网站的 Cookie 后再提交（用于避免重复作答，不记录您的身份）。");
        var key = VoterKey(input.VoterToken);
        if (await db.SurveyResponses.AnyAsync(r => r.SurveyId == survey.Id && r.VoterKey == key, ct))
            return Outcome<Guid>.Invalid(VoterField, Already);

        var problems = new List<Problem>();
        var answers = new List<SurveyAnswer>();
        for (var i = 0; i < survey.Questions.Count; i++)
        {
            var q = survey.Questions[i];
            var given = input.Answers.GetValueOrDefault(i);
            var field = $"q{i}";
            if (q.Kind == SurveyQuestionKind.Text)
            {
                var text = (given?.Text ?? "").Trim();
                if (text.Length == 0 && q.Required)
                    problems.Add(new(field, "请填写此题。"));
                else if (text.Length > MaxText)
                    problems.Add(new(field, $"不能超过 {MaxText} 字。"));
                else if (text.Length > 0)
                    answers.Add(new SurveyAnswer { Question = i, Text = text });
                continue;
            }
            var options = (given?.Options ?? []).Distinct().ToList();
            if (options.Any(o => o < 0 || o >= q.Options.Count))
                problems.Add(new(field, "请从列出的选项中选择。"));
            else if (options.Count == 0 && q.Required)
                problems.Add(new(field, q.Kind == SurveyQuestionKind.SingleChoice ? "请选择一项。" : "请至少选择一项。"));
            else if (options.Count > 1 && q.Kind == SurveyQuestionKind.SingleChoice)
                problems.Add(new(field, "此题只能选择一项。"));
            else if (options.Count > 0)
                answers.Add(new SurveyAnswer { Question = i, Options = [.. options.Order()] });
        }
        if (problems.Count > 0)
            return Outcome<Guid>.Invalid(problems);
        var response = new SurveyResponse { SurveyId = survey.Id, VoterKey = key, SubmittedAt = log.Now, Answers = answers };
        db.SurveyResponses.Add(response);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same token answered at the same moment (two tabs): the unique index keeps one.
            db.ChangeTracker.Clear();
            return Outcome<Guid>.Invalid(VoterField, Already);
        }
        return Outcome<Guid>.Done(response.Id);
    }

    private const string Already = "您已经参与过本次调查，每人只能作答一次。感谢您的参与！";
}
