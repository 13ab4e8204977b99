using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Participation;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`, after the catalog and the letters: two years of 青岚市's public participation — solicitations of
/// opinions on drafts (several with their feedback published and linked to the resulting policy, one closed months ago
/// without feedback and so flagged overdue, one with a shortened period and its reason, two open now, one draft),
/// surveys (two with results, one open), online interviews (two with transcripts, one coming), press conferences and
/// response events (some within their target time, some not). Dates are counted back from today; a fixed seed draws
/// the answers. Adds nothing when any solicitation exists.
/// </summary>
public sealed partial class SeedDemoParticipation(GongkaiDb db, TimeProvider clock)
{
    private const int Seed = 20191;
    private const string Office = "办公室（演示）";

    /// <returns>How many participation records were added.</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (await db.Solicitations.AnyAsync(ct))
            return 0;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        var byKey = SeedDemoData.Keys.Where(k => units.ContainsKey(SeedDemoData.CodeOf(k))).ToDictionary(k => k, k => units[SeedDemoData.CodeOf(k)]);
        if (!byKey.ContainsKey("city"))
            return 0;
        var today = clock.Today();
        var random = new Random(Seed);
        var added = 0;
        foreach (var s in Solicitations.Where(s => byKey.ContainsKey(s.Unit)))
        {
            await AddSolicitationAsync(s, byKey[s.Unit], today, random, ct);
            added++;
        }
        foreach (var s in Surveys.Where(s => byKey.ContainsKey(s.Unit)))
        {
            AddSurvey(s, byKey[s.Unit], today, random);
            added++;
        }
        foreach (var i in Interviews.Where(i => byKey.ContainsKey(i.Unit)))
        {
            AddInterview(i, byKey[i.Unit], today, random);
            added++;
        }
        var conferences = new Dictionary<string, PressConference>();
        foreach (var c in Conferences.Where(c => byKey.ContainsKey(c.Unit)))
        {
            var held = today.AddDays(-c.DaysAgo);
            var conference = new PressConference
            {
                UnitId = byKey[c.Unit].Id, State = ParticipationState.Published, HeldOn = held, Title = c.Title,
                Summary = $"{byKey[c.Unit].FullName}举行{c.Title.Replace("新闻发布会", "")}新闻发布会，介绍有关情况并回答记者提问。",
                Speakers = [new() { Name = "", Title = c.Speaker, Principal = c.Principal }], PrincipalAttended = c.Principal,
                CreatedAt = At(held, 17), UpdatedAt = At(held, 17),
            };
            db.PressConferences.Add(conference);
            Log(conference, ParticipationStep.Created, At(held, 17));
            conferences[c.Unit + c.DaysAgo] = conference;
            added++;
        }
        foreach (var r in Responses.Where(r => byKey.ContainsKey(r.Unit)))
        {
            var arose = At(today.AddDays(-r.DaysAgo), 8);
            var responded = arose.AddHours(r.Hours);
            var conference = r.Channel == ResponseChannel.PressConference
                ? conferences.Values.Where(c => c.UnitId == byKey[r.Unit].Id).OrderBy(c => Math.Abs(c.HeldOn.DayNumber - responded.ChinaDate().DayNumber)).FirstOrDefault()
                : null;
            var response = new ResponseEvent
            {
                UnitId = byKey[r.Unit].Id, State = ParticipationState.Published, Concern = r.Concern, AroseAt = arose, Channel = r.Channel,
                RespondedAt = responded, RespondedOn = responded.ChinaDate(), Response = r.Response, PressConferenceId = conference?.Id,
                CreatedAt = responded, UpdatedAt = responded,
            };
            db.ResponseEvents.Add(response);
            Log(response, ParticipationStep.Created, responded);
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    private async Task AddSolicitationAsync(DemoSolicitation s, Unit unit, DateOnly today, Random random, CancellationToken ct)
    {
        var city = s.Unit == "yy" ? "映月区" : "青岚市";
        var opens = today.AddDays(-s.OpenedDaysAgo);
        var closes = opens.AddDays(s.Days);
        var subject = city + s.Subject;
        // The resulting policy: the unit's published 规章 or 规范性文件 that came out soonest after the period, not yet linked.
        var linked = db.Solicitations.Local.Where(x => x.PolicyId is not null).Select(x => x.PolicyId!.Value).ToList();
        var policy = s.LinksPolicy
            ? await db.CatalogItems.AsNoTracking()
                .Where(i => i.UnitId == unit.Id && i.State == CatalogState.Published && i.Genre == s.PolicyGenre && i.PublishedOn > closes
                    && !linked.Contains(i.Id))
                .OrderBy(i => i.PublishedOn).Select(i => new { i.Id, i.Title }).FirstOrDefaultAsync(ct)
            : null;
        if (policy is not null)   // 「…关于印发青岚市物业管理办法的通知」 was drafted as 《青岚市物业管理办法》
            subject = System.Text.RegularExpressions.Regex.Match(policy.Title, "关于印发《?(.+?)》?的通知$") is { Success: true } m ? m.Groups[1].Value : policy.Title;
        var solicitation = new Solicitation
        {
            UnitId = unit.Id, Kind = s.Kind, ConcernsBusinesses = s.ConcernsBusinesses,
            Title = $"关于公开征求《{subject}（征求意见稿）》意见的公告",
            DraftText = string.Join('\n', FirstArticles.Select((text, i) => $"第{"一二三四五六七八九"[i]}条　{text.Replace("{X}", Topic(s.Subject))}")),
            Explanation = string.Join('\n', Explanations.Select(e => e.Replace("{X}", Topic(s.Subject)))),
            Contact = $"意见可通过本页面提交，也可发送电子邮件至 yijian@{SeedDemoData.CodeOf(s.Unit)[..6].ToLowerInvariant()}.example，或邮寄至{unit.FullName}（信封注明“征求意见”）。联系电话：0000-6{random.Next(1000000, 9999999)}。",
            OpensOn = opens, ClosesOn = closes, ShortPeriodReason = s.ShortReason, ShowComments = s.ShowComments,
            State = s.Draft ? ParticipationState.Draft : ParticipationState.Published, PublishedOn = s.Draft ? null : opens,
            CreatedAt = At(opens.AddDays(-3), 10), UpdatedAt = At(opens, 9),
        };
        db.Solicitations.Add(solicitation);
        Log(solicitation, ParticipationStep.Created, solicitation.CreatedAt);
        if (s.Draft)
            return;
        Log(solicitation, ParticipationStep.Published, At(opens, 9), s.ShortReason);

        // Opinions arrive over the period (up to today for an open one); older solicitations drew more.
        var lastDay = closes < today ? closes : today;
        var count = s.OpenedDaysAgo > 100 ? random.Next(8, Opinions.Length + 1) : random.Next(3, 7);
        var comments = Opinions.OrderBy(_ => random.Next()).Take(count).Select((o, i) =>
        {
            var day = opens.AddDays(1 + random.Next(Math.Max(1, lastDay.DayNumber - opens.DayNumber)));
            var hidden = i == 2;  // one opinion in each is not shown: it names a neighbour
            return new SolicitationComment
            {
                SolicitationId = solicitation.Id, Article = o.Article == 0 ? null : o.Article,
                Content = hidden ? o.Text + "另外，我家楼下邻居张某某经常占用消防通道，电话 139" + random.Next(10000000, 99999999) + "。" : o.Text,
                Name = Names[random.Next(Names.Length)], Phone = "0000-8" + random.Next(1000000, 9999999),
                SubmittedAt = At(day, 9 + random.Next(10)),
                State = lastDay == today && i >= count - 2 ? ContributionState.Pending : hidden ? ContributionState.Hidden : ContributionState.Shown,
                ModerationNote = hidden ? "含他人个人信息，不予公开" : "",
                ShownContent = hidden ? "" : o.Text,
                Adoption = s.Feedback ? o.Adoption : null,
                AdoptionReason = s.Feedback ? o.Reason : "",
            };
        }).ToList();
        db.SolicitationComments.AddRange(comments);
        foreach (var c in comments.Where(c => c.State != ContributionState.Pending))
            Log(solicitation, ParticipationStep.Moderated, c.SubmittedAt.AddDays(1), c.ModerationNote, c.Id);
        if (!s.Feedback)
            return;

        var published = closes.AddDays(10 + random.Next(15));
        var summary = FeedbackSummary.Of(comments.Select(c => new CommentFacts(c.Adoption, c.AdoptionReason)));
        solicitation.FeedbackText = $"《{subject}（征求意见稿）》于 {opens:yyyy年M月d日} 至 {closes:yyyy年M月d日} 公开征求意见，共收到意见 {summary.Received} 条。" +
            $"经认真研究，采纳 {summary.Adopted} 条，部分采纳 {summary.PartlyAdopted} 条，未采纳 {summary.NotAdopted} 条。感谢社会各界的关心和支持。";
        solicitation.FeedbackPublishedOn = published;
        solicitation.State = ParticipationState.Concluded;
        solicitation.UpdatedAt = At(published, 16);
        foreach (var c in comments)
            Log(solicitation, ParticipationStep.AdoptionRecorded, At(published.AddDays(-1), 15), $"{c.Adoption!.Value.ChineseName()} {c.AdoptionReason}".Trim(), c.Id);
        Log(solicitation, ParticipationStep.Concluded, At(published, 16));
        if (policy is not null)
        {
            solicitation.PolicyId = policy.Id;
            Log(solicitation, ParticipationStep.PolicyLinked, At(published, 16));
        }
    }

    private void AddSurvey(DemoSurvey s, Unit unit, DateOnly today, Random random)
    {
        var opens = today.AddDays(-s.OpenedDaysAgo);
        var closes = opens.AddDays(s.Days);
        var survey = new Survey
        {
            UnitId = unit.Id, Title = s.Title, Introduction = s.Introduction, OpensOn = opens, ClosesOn = closes,
            Questions = [.. s.Questions.Select(q => new SurveyQuestion { Text = q.Text, Kind = q.Kind, Required = q.Required, Options = [.. q.Options] })],
            State = ParticipationState.Published, PublishedOn = opens, CreatedAt = At(opens.AddDays(-2), 10), UpdatedAt = At(opens, 9),
        };
        db.Surveys.Add(survey);
        Log(survey, ParticipationStep.Created, survey.CreatedAt);
        Log(survey, ParticipationStep.Published, At(opens, 9));
        var lastDay = closes < today ? closes : today;
        for (var n = 0; n < s.Responses; n++)
        {
            var answers = new List<SurveyAnswer>();
            for (var q = 0; q < survey.Questions.Count; q++)
            {
                var question = survey.Questions[q];
                // Earlier options are likelier: answers lean to the first choices as real satisfaction surveys do.
                var answer = question.Kind switch
                {
                    SurveyQuestionKind.SingleChoice => new SurveyAnswer { Question = q, Options = [Math.Min(random.Next(question.Options.Count), random.Next(question.Options.Count))] },
                    SurveyQuestionKind.MultipleChoice => new SurveyAnswer
                    {
                        Question = q,
                        Options = [.. Enumerable.Range(0, question.Options.Count).Where(o => random.NextDouble() < 0.6 - o * 0.08)],
                    },
                    _ => random.NextDouble() < 0.2 ? new SurveyAnswer { Question = q, Text = SurveySuggestions[random.Next(SurveySuggestions.Length)] } : null,
                };
                if (answer is not null && (answer.Options.Count > 0 || answer.Text.Length > 0))
                    answers.Add(answer);
            }
            var day = opens.AddDays(random.Next(Math.Max(1, lastDay.DayNumber - opens.DayNumber + 1)));
            db.SurveyResponses.Add(new SurveyResponse { SurveyId = survey.Id, VoterKey = $"demo-{n:D5}-{random.Next():x8}", SubmittedAt = At(day, 8 + random.Next(14)), Answers = answers });
        }
        if (!s.Results)
            return;
        var published = closes.AddDays(7);
        survey.State = ParticipationState.Concluded;
        survey.ResultsPublishedOn = published;
        survey.ResultsNote = $"本次调查共收到有效问卷 {s.Responses} 份，感谢您的参与。我们将根据调查结果改进工作。";
        survey.UpdatedAt = At(published, 15);
        Log(survey, ParticipationStep.Concluded, survey.UpdatedAt);
    }

    private void AddInterview(DemoInterview s, Unit unit, DateOnly today, Random random)
    {
        var day = today.AddDays(-s.DaysAgo);
        var interview = new Interview
        {
            UnitId = unit.Id, Title = s.Title, Introduction = s.Introduction, StartsAt = At(day, 9).AddMinutes(30), EndsAt = At(day, 11).AddMinutes(30),
            Guests = [.. s.Guests.Select(g => new Participant { Name = g.Name, Title = g.Title, Principal = g.Principal })],
            State = ParticipationState.Published, PublishedOn = day.AddDays(-7), CreatedAt = At(day.AddDays(-8), 10), UpdatedAt = At(day.AddDays(-7), 9),
        };
        db.Interviews.Add(interview);
        Log(interview, ParticipationStep.Created, interview.CreatedAt);
        Log(interview, ParticipationStep.Published, interview.UpdatedAt);
        var guest = s.Guests[0];
        var lines = new List<string> { $"【主持人】各位网友，大家好！今天我们邀请到{guest.Title}{guest.Name}，{s.Introduction.TrimEnd('。')}。" };
        foreach (var (q, a) in s.Questions)
        {
            var asked = interview.StartsAt.AddDays(-random.Next(1, 6)).AddMinutes(random.Next(600));
            var answered = a.Length > 0;
            var question = new InterviewQuestion
            {
                InterviewId = interview.Id, Content = q, ShownContent = answered ? q : "", Name = Names[random.Next(Names.Length)],
                Phone = "0000-8" + random.Next(1000000, 9999999), SubmittedAt = asked,
                State = answered ? ContributionState.Shown : ContributionState.Pending,
                Answer = a, AnsweredBy = answered ? guest.Name : "", AnsweredAt = answered ? interview.StartsAt.AddMinutes(random.Next(10, 110)) : null,
            };
            db.InterviewQuestions.Add(question);
            if (!answered)
                continue;
            Log(interview, ParticipationStep.Moderated, asked.AddHours(2), "", question.Id);
            Log(interview, ParticipationStep.Answered, question.AnsweredAt!.Value, "", question.Id);
            lines.Add($"【网友】{q}");
            lines.Add($"【{guest.Name}】{a}");
        }
        if (!s.Transcript)
            return;
        lines.Add("【主持人】由于时间关系，今天的访谈到此结束。感谢各位网友的参与！");
        interview.Transcript = string.Join('\n', lines);
        interview.TranscriptPublishedOn = day.AddDays(1);
        interview.State = ParticipationState.Concluded;
        interview.UpdatedAt = At(day.AddDays(1), 10);
        Log(interview, ParticipationStep.Concluded, interview.UpdatedAt);
    }

    private void Log(IParticipationRecord record, ParticipationStep step, DateTime at, string note = "", Guid? contribution = null) =>
        db.ParticipationLog.Add(new ParticipationLogEntry
        {
            Kind = record.Kind, RecordId = record.Id, Step = step, At = at, ActorName = Office, Note = note, ContributionId = contribution,
        });

    private static DateTime At(DateOnly day, int hour) => day.AtChinaHour(hour);

    /// <summary>What a draft governs, from its title: 城市道路挖掘管理办法 → 城市道路挖掘.</summary>
    private static string Topic(string subject) => subject.Replace("（修订）", "").Replace("管理办法", "").Replace("管理规定", "").Replace("实施方案", "").Trim('“', '”');
}
