using Gongkai.Core.Calendar;
using Gongkai.Core.Participation;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Participation;

/// <summary>
/// The feedback (采纳情况反馈): figures counted from the comments with the reasons grouped (《重大行政决策程序暂行条例》
/// 第十四条 asks for the reasons of what is not adopted); and its clock, 20 working days after closing by default (local practice).
/// </summary>
public class FeedbackTests
{
    [Fact]
    public void The_feedback_should_count_every_comment_received_and_group_the_reasons()
    {
        var summary = FeedbackSummary.Of(
        [
            new(Adoption.Adopted, ""),
            new(Adoption.NotAdopted, "超出本办法调整范围"),
            new(Adoption.NotAdopted, " 超出本办法调整范围 "),
            new(Adoption.NotAdopted, "与上位法规定不一致"),
            new(Adoption.PartlyAdopted, "已在第三条中体现"),
            new(null, ""),
        ]);
        Assert.Equal((6, 1, 1, 3, 1), (summary.Received, summary.Adopted, summary.PartlyAdopted, summary.NotAdopted, summary.Unrecorded));
        Assert.False(summary.Complete);
        var notAdopted = summary.Reasons.Where(r => r.Adoption == Adoption.NotAdopted).ToList();
        Assert.Equal(("超出本办法调整范围", 2), (notAdopted[0].Reason, notAdopted[0].Count));
        Assert.Equal(("与上位法规定不一致", 1), (notAdopted[1].Reason, notAdopted[1].Count));
        Assert.Single(summary.Reasons, r => r.Adoption == Adoption.PartlyAdopted);
    }

    [Fact]
    public void The_feedback_should_be_due_20_working_days_after_the_solicitation_closes()
    {
        // Closed Friday 2024-09-27: 9-29 (调休) 1, 9-30 2, 10-08..11 3–6, 10-12 (调休) 7, 10-14..18 8–12, 10-21..25 13–17, 10-28..30 18–20.
        var due = FeedbackClock.DueOn(Instance, D("2024-09-27"), FeedbackClock.DefaultWorkingDays);
        Assert.Equal(D("2024-10-30"), due);
        Assert.Equal(DueFlag.None, FeedbackClock.Flag(Instance, D("2024-09-27"), D("2024-09-27"), 20));   // still open on its last day
        Assert.NotEqual(DueFlag.Overdue, FeedbackClock.Flag(Instance, D("2024-09-27"), D("2024-10-30"), 20));
        Assert.Equal(DueFlag.Overdue, FeedbackClock.Flag(Instance, D("2024-09-27"), D("2024-10-31"), 20));
    }
}
