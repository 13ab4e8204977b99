using Gongkai.Core.Reports;

namespace Gongkai.Core.Participation;

/// <summary>A press conference as the 统计表 counts it: the day it was held and whether a principal official (主要负责同志) attended.</summary>
public readonly record struct ConferenceFacts(DateOnly HeldOn, bool PrincipalAttended);

/// <summary>An online interview held (published, not withdrawn): its day, whether a principal official was a guest, its questions.</summary>
public readonly record struct InterviewFacts(DateOnly HeldOn, bool PrincipalGuest, int QuestionsReceived, int QuestionsAnswered);

/// <summary>A published 解读 (a catalog item of 体裁 解读): the day it was published and its forms.</summary>
public readonly record struct InterpretationFacts(DateOnly PublishedOn, InterpretationForms Forms);

/// <summary>A response to a public concern: the day it was answered and how.</summary>
public readonly record struct ResponseFacts(DateOnly RespondedOn, ResponseChannel Channel);

/// <summary>A solicitation or survey published: the day it opened, opinions (comments, or survey answers) received, and whether its result is published.</summary>
public readonly record struct ConsultationFacts(DateOnly OpensOn, int OpinionsReceived, bool ResultPublished);

/// <summary>
/// The legacy 统计表's block 二、回应解读情况 counted from records (issue 15), one rule per row, each record in the year of its
/// day: （一）回应公众关注热点或重大舆情数 = response events (each event is one concern, however it was answered); （二）1
/// press conferences held, 其中 with a principal official; 2 政府网站在线访谈 held, 其中 with a principal official as guest;
/// 3 解读 published; 4 responses on 政务微博/微信; 5 responses by statement, media interview or other ways (a response by
/// press conference is counted in row 1 through the conference's own record).
/// </summary>
public static class ParticipationCounting
{
    public const string HotTopics = "response.hot_topics";
    public const string PressConferences = "response.by_channel.press_conferences";
    public const string PressConferencesByLeaders = "response.by_channel.press_conferences.by_leaders";
    public const string Interviews = "response.by_channel.interviews";
    public const string InterviewsByLeaders = "response.by_channel.interviews.by_leaders";
    public const string Interpretations = "response.by_channel.interpretations";
    public const string WeiboWeChat = "response.by_channel.weibo_wechat";
    public const string OtherChannels = "response.by_channel.other";

    /// <summary>The legacy cell keys (<see cref="ReportKeys.LegacyCell"/>) this block fills.</summary>
    public static IReadOnlyList<string> LegacyCells { get; } =
        [.. new[] { HotTopics, PressConferences, PressConferencesByLeaders, Interviews, InterviewsByLeaders, Interpretations, WeiboWeChat, OtherChannels }
            .Select(ReportKeys.LegacyCell)];

    public static IEnumerable<string> CellsOf(ConferenceFacts c, int year) =>
        c.HeldOn.Year != year ? [] : c.PrincipalAttended
            ? [ReportKeys.LegacyCell(PressConferences), ReportKeys.LegacyCell(PressConferencesByLeaders)] : [ReportKeys.LegacyCell(PressConferences)];

    public static IEnumerable<string> CellsOf(InterviewFacts i, int year) =>
        i.HeldOn.Year != year ? [] : i.PrincipalGuest
            ? [ReportKeys.LegacyCell(Interviews), ReportKeys.LegacyCell(InterviewsByLeaders)] : [ReportKeys.LegacyCell(Interviews)];

    public static IEnumerable<string> CellsOf(InterpretationFacts i, int year) =>
        i.PublishedOn.Year != year ? [] : [ReportKeys.LegacyCell(Interpretations)];

    public static IEnumerable<string> CellsOf(ResponseFacts r, int year) => r.RespondedOn.Year != year ? [] : r.Channel switch
    {
        ResponseChannel.WeiboWeChat => [ReportKeys.LegacyCell(HotTopics), ReportKeys.LegacyCell(WeiboWeChat)],
        ResponseChannel.PressConference => [ReportKeys.LegacyCell(HotTopics)],
        _ => [ReportKeys.LegacyCell(HotTopics), ReportKeys.LegacyCell(OtherChannels)],
    };

    /// <summary>Every cell of the block, zero unless counted.</summary>
    public static IReadOnlyDictionary<string, decimal> LegacyBlock(int year, IEnumerable<ConferenceFacts> conferences, IEnumerable<InterviewFacts> interviews,
        IEnumerable<InterpretationFacts> interpretations, IEnumerable<ResponseFacts> responses)
    {
        var sums = LegacyCells.ToDictionary(k => k, _ => 0m, StringComparer.Ordinal);
        foreach (var key in conferences.SelectMany(c => CellsOf(c, year)).Concat(interviews.SelectMany(i => CellsOf(i, year)))
                     .Concat(interpretations.SelectMany(i => CellsOf(i, year))).Concat(responses.SelectMany(r => CellsOf(r, year))))
            sums[key]++;
        return sums;
    }
}
