using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.SiteReport;

/// <summary>
/// The 互动交流 and 解读回应 sections of the 《政府网站工作年度报表》 for a unit and the units below it, one year, counted from
/// records: 解读回应 from the published 解读 (材料 = text only; 产品 = with 图解 or 音视频; 媒体评论 none recorded) and the
/// responses to public concerns; 留言办理 from the letters' statistics (<see cref="LetterStats"/>); 征集调查 from the
/// solicitations and surveys published in the year (opinions: their comments and answers; results: those concluded);
/// 在线访谈 from the interviews held in the year (published or concluded, started by now) and their questions.
/// </summary>
public sealed class CompileSiteReport(GongkaiDb db, LetterStats letters, TimeProvider clock)
{
    public async Task<Outcome<SiteReportFigures>> HandleAsync(string unitCode, int year, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == (unitCode ?? "").Trim(), ct);
        if (unit is null)
            return Outcome<SiteReportFigures>.Missing($"没有代码为 {unitCode} 的单位。");
        if (year is < 2000 or > 9999)
            return Outcome<SiteReportFigures>.Invalid("year", $"年度 {year} 无效。");
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var path = unit.Path;

        var interpretations = await db.CatalogItems.AsNoTracking().Within(path)
            .Where(i => i.Genre == Genre.Interpretation && i.State == CatalogState.Published && i.PublishedOn >= first && i.PublishedOn <= last)
            .OrderBy(i => i.PublishedOn).Select(i => new { i.Id, i.Title, On = i.PublishedOn!.Value, i.InterpretationForms }).ToListAsync(ct);
        var products = interpretations.Where(i => (i.InterpretationForms & (InterpretationForms.Graphics | InterpretationForms.Video)) != 0).ToList();
        var responses = await db.ResponseEvents.AsNoTracking().Within(path)
            .Where(r => r.State == ParticipationState.Published && r.RespondedOn >= first && r.RespondedOn <= last)
            .OrderBy(r => r.RespondedOn).Select(r => new { r.Id, r.Concern, r.RespondedOn }).ToListAsync(ct);

        var stats = await letters.HandleAsync(new(unit.Code, year), null, ct);
        var total = stats.Value?.Total;

        var solicitations = await db.Solicitations.AsNoTracking().Within(path)
            .Where(s => (s.State == ParticipationState.Published || s.State == ParticipationState.Concluded) && s.PublishedOn >= first && s.PublishedOn <= last)
            .OrderBy(s => s.PublishedOn)
            .Select(s => new { s.Id, s.Title, On = s.PublishedOn!.Value, Concluded = s.State == ParticipationState.Concluded, Opinions = db.SolicitationComments.Count(c => c.SolicitationId == s.Id) })
            .ToListAsync(ct);
        var surveys = await db.Surveys.AsNoTracking().Within(path)
            .Where(s => (s.State == ParticipationState.Published || s.State == ParticipationState.Concluded) && s.PublishedOn >= first && s.PublishedOn <= last)
            .OrderBy(s => s.PublishedOn)
            .Select(s => new { s.Id, s.Title, On = s.PublishedOn!.Value, Concluded = s.State == ParticipationState.Concluded, Opinions = db.SurveyResponses.Count(r => r.SurveyId == s.Id) })
            .ToListAsync(ct);

        // Interviews held in the year (China time: the year's bounds shifted by eight hours), started by now.
        var (from, to, now) = (new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8), new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8),
            clock.GetUtcNow().UtcDateTime);
        var interviews = await db.Interviews.AsNoTracking().Within(path)
            .Where(i => (i.State == ParticipationState.Published || i.State == ParticipationState.Concluded) && i.StartsAt >= from && i.StartsAt < to && i.StartsAt <= now)
            .OrderBy(i => i.StartsAt)
            .Select(i => new
            {
                i.Id, i.Title, i.StartsAt,
                Questions = db.InterviewQuestions.Count(q => q.InterviewId == i.Id),
                Answered = db.InterviewQuestions.Count(q => q.InterviewId == i.Id && q.AnsweredAt != null),
            })
            .ToListAsync(ct);

        // What each figure counts, for the office page's drill-down: every record with what it adds.
        var office = "/office/participation/";
        List<SiteReportFigures.Counted> counted =
        [
            .. interpretations.Select(i => new SiteReportFigures.Counted(SiteReportFigures.Figure.Interpretations, i.Title, i.On, 1, $"/office/catalog/{i.Id}")),
            .. products.Select(i => new SiteReportFigures.Counted(SiteReportFigures.Figure.Products, i.Title, i.On, 1, $"/office/catalog/{i.Id}")),
            .. responses.Select(r => new SiteReportFigures.Counted(SiteReportFigures.Figure.Responses, r.Concern, r.RespondedOn, 1, $"{office}responses/record/{r.Id}")),
            .. solicitations.Select(s => new SiteReportFigures.Counted(SiteReportFigures.Figure.Consultations, s.Title, s.On, s.Opinions, $"{office}solicitations/{s.Id}")),
            .. surveys.Select(s => new SiteReportFigures.Counted(SiteReportFigures.Figure.Consultations, s.Title, s.On, s.Opinions, $"{office}surveys/{s.Id}")),
            .. interviews.Select(i => new SiteReportFigures.Counted(SiteReportFigures.Figure.Interviews, i.Title, i.StartsAt.ChinaDate(), i.Questions, $"{office}interviews/{i.Id}")),
        ];
        var consultations = solicitations.Select(s => (s.Concluded, s.Opinions)).Concat(surveys.Select(s => (s.Concluded, s.Opinions))).ToList();

        return Outcome<SiteReportFigures>.Done(new SiteReportFigures(unit.Code, unit.FullName, year,
            new(interpretations.Count, interpretations.Count - products.Count, products.Count, 0, responses.Count),
            new(total?[LetterFigure.Received] ?? 0, total?[LetterFigure.Answered] ?? 0, total?.AverageWorkingDays is { } days ? Math.Round(days, 1) : null,
                total?[LetterFigure.Published] ?? 0),
            new(consultations.Count, consultations.Sum(c => c.Opinions), consultations.Count(c => c.Concluded)),
            new(interviews.Count, interviews.Sum(i => i.Questions), interviews.Sum(i => i.Answered)),
            counted));
    }
}

/// <summary>The sections' figures; <see cref="SiteReportJson"/> names them for the JSON and <see cref="SiteReportDocx"/> for the document.</summary>
public sealed record SiteReportFigures(string UnitCode, string UnitName, int Year, SiteReportFigures.Interpretation Interpretations,
    SiteReportFigures.Letter Messages, SiteReportFigures.Consultation Consultations, SiteReportFigures.Interview OnlineInterviews,
    IReadOnlyList<SiteReportFigures.Counted> Records)
{
    /// <summary>The groups of records the figures count (the letters' figures drill down on the letters' statistics page).</summary>
    public enum Figure
    {
        /// <summary>解读信息发布总数 (and 解读材料 = those not also a product).</summary>
        Interpretations,
        /// <summary>解读产品数量 (图解, 音视频).</summary>
        Products,
        /// <summary>回应公众关注热点或重大舆情数量.</summary>
        Responses,
        /// <summary>征集调查期数; <see cref="Counted.Adds"/> is the opinions or answers it received.</summary>
        Consultations,
        /// <summary>访谈期数; <see cref="Counted.Adds"/> is the questions it received.</summary>
        Interviews,
    }

    /// <summary>A record a figure counts: what it is, its date, how much it adds to the figure of opinions or questions, and its office page.</summary>
    public sealed record Counted(Figure Figure, string Title, DateOnly Date, int Adds, string Url);

    /// <param name="Total">解读信息发布总数 = materials + products + media.</param>
    public sealed record Interpretation(int Total, int Materials, int Products, int MediaCommentaries, int Responses);

    /// <param name="AverageDays">平均办理时间, in working days (the letters' clock); null without answered letters.</param>
    public sealed record Letter(long Received, long Answered, double? AverageDays, long PublishedAnswers);

    public sealed record Consultation(int Held, int OpinionsReceived, int ResultsPublished);

    public sealed record Interview(int Held, int QuestionsReceived, int QuestionsAnswered);

    /// <summary>Each row as the form labels it: section, label, value (「—」 for no average).</summary>
    public IReadOnlyList<(string Section, string Label, string Value)> Rows =>
    [
        ("解读回应", "解读信息发布总数", Interpretations.Total.ToString()),
        ("解读回应", "其中：解读材料数量", Interpretations.Materials.ToString()),
        ("解读回应", "解读产品数量", Interpretations.Products.ToString()),
        ("解读回应", "媒体评论文章数量", Interpretations.MediaCommentaries.ToString()),
        ("解读回应", "回应公众关注热点或重大舆情数量", Interpretations.Responses.ToString()),
        ("互动交流·留言办理", "收到留言数量", Messages.Received.ToString()),
        ("互动交流·留言办理", "办结留言数量", Messages.Answered.ToString()),
        ("互动交流·留言办理", "平均办理时间（工作日）", Messages.AverageDays?.ToString("0.0") ?? "—"),
        ("互动交流·留言办理", "公开答复数量", Messages.PublishedAnswers.ToString()),
        ("互动交流·征集调查", "征集调查期数", Consultations.Held.ToString()),
        ("互动交流·征集调查", "收到意见数量", Consultations.OpinionsReceived.ToString()),
        ("互动交流·征集调查", "公布调查结果期数", Consultations.ResultsPublished.ToString()),
        ("互动交流·在线访谈", "访谈期数", OnlineInterviews.Held.ToString()),
        ("互动交流·在线访谈", "网民留言数量", OnlineInterviews.QuestionsReceived.ToString()),
        ("互动交流·在线访谈", "答复网民提问数量", OnlineInterviews.QuestionsAnswered.ToString()),
    ];
}
