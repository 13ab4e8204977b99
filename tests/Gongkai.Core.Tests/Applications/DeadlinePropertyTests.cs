using FsCheck;
using FsCheck.Fluent;
using Gongkai.Core.Applications;
using Gongkai.Core.Calendar;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Applications;

/// <summary>Properties of the clock that must hold for every receipt date the official calendar covers.</summary>
public class DeadlinePropertyTests
{
    private static readonly int FirstDay = D("2008-01-01").DayNumber;
    private static readonly int LastDay = D("2026-10-31").DayNumber;

    private static Gen<DateOnly> Days => Gen.Choose(FirstDay, LastDay).Select(DateOnly.FromDayNumber);

    [Fact]
    public void A_due_date_should_always_be_a_working_day_after_receipt()
    {
        var cases = Days.SelectMany(day => Gen.Elements(false, true).Select(extended => (day, extended)));
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var due = DeadlineClock.Due(Instance, c.day, extended: c.extended);
            return Instance.IsWorkingDay(due) && due > c.day;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Adding_a_holiday_should_never_move_a_due_date_earlier()
    {
        var years = CalendarFile.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cn-workdays.json"))).Years;
        var cases = Days.SelectMany(day => Gen.Choose(0, 40).Select(offset => (received: day, holiday: day.AddDays(offset))));
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var year = years.Single(y => y.Year == c.holiday.Year);
            var changed = new WorkCalendar(years.Select(y => y == year
                ? y with { Holidays = [.. y.Holidays, c.holiday], Workdays = [.. y.Workdays.Where(w => w != c.holiday)] } : y));
            return DeadlineClock.Due(changed, c.received) >= DeadlineClock.Due(Instance, c.received);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void A_pause_should_never_shorten_the_time_left()
    {
        var reasons = Gen.Elements(PauseReason.ThirdPartyConsultation, PauseReason.OtherUnitConsultation, PauseReason.FeeNotice);
        var cases = Days.SelectMany(day => Gen.Choose(0, 30).SelectMany(start => Gen.Choose(0, 30)
            .SelectMany(length => Gen.Elements(true, false).SelectMany(ended => reasons
                .Select(reason => (received: day, pause: new ClockPause(reason, day.AddDays(start), ended ? day.AddDays(start + length) : null)))))));
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var plain = DeadlineClock.Compute(Instance, new ClockFacts(c.received), Later);
            var paused = DeadlineClock.Compute(Instance, new ClockFacts(c.received) { Pauses = [c.pause] }, Later);
            return paused.Due is null || paused.Due >= plain.Due;
        }).QuickCheckThrowOnFailure();
    }

    private static readonly DateOnly Later = D("2030-01-01");
}
