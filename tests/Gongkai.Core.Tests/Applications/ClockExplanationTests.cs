using Gongkai.Core.Applications;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Applications;

/// <summary>The due date explained: receipt day not counted, weekends and holidays skipped, 调休 days counted, pauses named.</summary>
public class ClockExplanationTests
{
    [Fact]
    public void National_day_2024_should_be_explained_day_by_day()
    {
        var steps = ClockExplanation.Explain(Instance, new ClockFacts(D("2024-09-27")), D("2024-09-27"));
        var text = steps.Select(s => s.Text).ToList();

        Assert.StartsWith("收到申请：2024-09-27（周五），当日不计入", text[0]);
        Assert.Contains("2024-09-28（周六）：周末，不计入。", text);
        Assert.Contains("2024-09-29（周日）：周末调休上班，计为第 1 个工作日。", text);
        Assert.Contains("2024-10-01（周二）至2024-10-07（周一）：法定节假日，不计入。", text);
        Assert.Contains("2024-10-12（周六）：周末调休上班，计为第 7 个工作日。", text);
        Assert.Equal("答复期限届满日：2024-10-30（周三）（第 20 个工作日）。", text[^1]);
        Assert.Equal(20, steps.Where(s => s.Kind is StepKind.Counted or StepKind.MakeUpWorkday).Sum(s => s.To.DayNumber - s.From.DayNumber + 1));
    }

    [Fact]
    public void A_pause_and_a_restart_should_be_named_in_the_explanation()
    {
        var facts = new ClockFacts(D("2024-09-20")) { Pauses = [new(PauseReason.ThirdPartyConsultation, D("2024-09-25"), D("2024-10-10"))] };
        var text = ClockExplanation.Explain(Instance, facts, D("2024-10-10")).Select(s => s.Text).ToList();
        Assert.Contains("2024-09-26（周四）至2024-10-10（周四）：征求第三方意见（第三十二条），所需时间不计算在答复期限内。", text);

        var corrected = new ClockFacts(D("2024-03-01")) { CorrectionRequested = D("2024-03-05"), CorrectionReceived = D("2024-03-20") };
        var restart = ClockExplanation.Explain(Instance, corrected, D("2024-03-20")).Select(s => s.Text).ToList();
        Assert.Contains(restart, t => t.StartsWith("2024-03-20（周三） 收到补正后的申请，答复期限自该日重新计算（第三十条）"));
        Assert.Equal("答复期限届满日：2024-04-18（周四）（第 20 个工作日）。", restart[^1]);
    }
}
