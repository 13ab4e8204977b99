using Gongkai.Core.Catalog;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>条例第二十六条: proactive information is published within 20 working days of its formation.</summary>
public class PublicationDeadlineTests
{
    [Fact]
    public void An_item_formed_before_national_day_should_be_due_on_the_20th_working_day()
    {
        // 2024-09-27 formed; the 20th working day counts 9-29 and 10-12 (调休) and skips 10-01..07.
        Assert.Equal(D("2024-10-30"), PublicationDeadline.LatestOn(Instance, D("2024-09-27")));
        Assert.False(PublicationDeadline.IsLate(Instance, D("2024-09-27"), D("2024-10-30")));
        Assert.True(PublicationDeadline.IsLate(Instance, D("2024-09-27"), D("2024-10-31")));
        Assert.Equal(3, PublicationDeadline.DaysLate(Instance, D("2024-09-27"), D("2024-11-04")));
    }
}
