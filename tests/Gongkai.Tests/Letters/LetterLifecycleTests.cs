using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.Outbox;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Letters.LetterTestData;

namespace Gongkai.Tests.Letters;

/// <summary>
/// A letter from arrival to closing through the use cases, on both databases: the due date counted from the arrival
/// day (../shared/domain/interaction-and-sites.md §1), 一信多投 refused, the answer told to the writer through the
/// outbox, the rating window ending in silence (counted as satisfied), the writer's one request to handle it again.
/// </summary>
public class LetterLifecycleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_letter_that_arrives_before_a_holiday_should_be_due_after_it(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await OpenMailboxesAsync(test, "city");
        test.Clock.SetToday(new DateOnly(2024, 9, 30)); // National Day 2024: 10-01..07 off
        var receipt = await WriteAsync(test, "city");
        Assert.Equal(new DateOnly(2024, 10, 10), receipt.DueOn);
        Assert.Equal("202409300001", receipt.Number);
        Assert.Equal(14, receipt.QueryCode.Length);
        var second = await WriteAsync(test, "city", Letter("公园开放时间", LetterType.Suggestion));
        Assert.Equal("202409300002", second.Number);
        Assert.Equal(new DateOnly(2024, 10, 23), second.DueOn); // 13 working days: 10-08 … 10-12 (调休 Saturday counted) … 10-23
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_text_sent_to_a_second_mailbox_should_be_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await OpenMailboxesAsync(test, "city", "jyj");
        await WriteAsync(test, "city");
        await using var scope = test.Scope();
        // The same words, spaced and punctuated differently, to another mailbox.
        var request = Letter() with { Content = Letter().Content.Replace("，", " ").Replace("？", "?") };
        var outcome = await test.Get<WriteLetter>(scope).HandleAsync(Gongkai.App.Demo.SeedDemoData.CodeOf("jyj"), request);
        Assert.Equal(Gongkai.App.OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(outcome.Problems, p => p.Field == "content" && p.Message.Contains("一信多投"));
        // After the window the same text may be sent again (a new matter, months later).
        test.Clock.Advance(TimeSpan.FromHours(73));
        Assert.True((await test.Get<WriteLetter>(scope).HandleAsync(Gongkai.App.Demo.SeedDemoData.CodeOf("jyj"), request)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_closed_mailbox_or_the_wrong_type_for_the_error_channel_should_be_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var scope = test.Scope();
        var write = test.Get<WriteLetter>(scope);
        var closed = await write.HandleAsync(Gongkai.App.Demo.SeedDemoData.CodeOf("jyj"), Letter());
        Assert.Contains(closed.Problems, p => p.Field == "mailbox");
        var wrongType = await write.HandleAsync("zhaocuo", Letter());
        Assert.Contains(wrongType.Problems, p => p.Field == "type");
        var noPage = await write.HandleAsync("zhaocuo", Letter("网页错别字", LetterType.SiteError));
        Assert.Contains(noPage.Problems, p => p.Field == "pageUrl");
        test.Clock.SetToday(new DateOnly(2026, 2, 13));
        var report = await write.HandleAsync("zhaocuo", Letter("网页错别字", LetterType.SiteError) with { PageUrl = "https://www.qinglan.gov.cn/xxgk/1.html" });
        Assert.True(report.Succeeded);
        Assert.Equal(new DateOnly(2026, 2, 25), report.Value!.DueOn); // 找错: 3 working days over Spring Festival 2026
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_answer_should_be_told_to_the_writer_through_the_outbox_and_a_failed_send_retried(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await OpenMailboxesAsync(test, "city");
        var office = await StaffAsync(test, "city");
        var receipt = await WriteAsync(test, "city");
        await AnswerAsync(test, office, receipt.Id);

        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var message = await db.OutboxMessages.SingleAsync();
        Assert.Equal((OutboxChannel.Email, "zhang@example.cn", $"letter:{receipt.Number}"), (message.Channel, message.To, message.About));
        Assert.Contains(receipt.Number, message.Body);
        Assert.DoesNotContain(receipt.QueryCode, message.Body); // the code is a secret the writer already has

        // An SMTP server that refuses the connection: the message stays, with the error and the next attempt.
        var refusing = new SmtpSender(new SmtpSettings("127.0.0.1", 9, "", "", "xxgk@qinglan.gov.cn", MailKit.Security.SecureSocketOptions.None), test.Get<LogSender>(scope));
        var failing = new SendOutbox(db, refusing, test.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SendOutbox>.Instance);
        Assert.Equal((0, 1), await failing.HandleAsync());
        var failed = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal((1, (DateTime?)null), (failed.Attempts, failed.SentAt));
        Assert.NotEmpty(failed.LastError);
        // Not retried before its time, then sent.
        var sender = test.Get<SendOutbox>(scope);
        Assert.Equal((0, 0), await sender.HandleAsync());
        test.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal((1, 0), await sender.HandleAsync());
        Assert.NotNull((await db.OutboxMessages.AsNoTracking().SingleAsync()).SentAt);
        Assert.Equal((0, 0), await sender.HandleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_writer_who_gives_no_email_should_be_told_by_SMS(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await OpenMailboxesAsync(test, "city");
        var receipt = await WriteAsync(test, "city", Letter() with { Email = "" });
        await AnswerAsync(test, await StaffAsync(test, "city"), receipt.Id);
        await using var scope = test.Scope();
        var message = await test.Get<GongkaiDb>(scope).OutboxMessages.SingleAsync();
        Assert.Equal((OutboxChannel.Sms, "13912345678"), (message.Channel, message.To));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rating_window_ending_in_silence_should_close_the_letter_as_satisfied(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await OpenMailboxesAsync(test, "city");
        test.Clock.SetToday(new DateOnly(2024, 9, 26));
        var receipt = await WriteAsync(test, "city");
        test.Clock.SetToday(new DateOnly(2024, 9, 27));
        await AnswerAsync(test, await StaffAsync(test, "city"), receipt.Id);

        await using var scope = test.Scope();
        // The window's last day (20 working days after 9-27 is 10-30): nothing closes yet.
        test.Clock.SetToday(new DateOnly(2024, 10, 30));
        Assert.Equal(0, await test.Get<CloseRatingWindows>(scope).HandleAsync());
        test.Clock.SetToday(new DateOnly(2024, 10, 31));
        Assert.Equal(1, await test.Get<CloseRatingWindows>(scope).HandleAsync());
        var letter = await LoadAsync(test, receipt.Id);
        Assert.Equal((LetterState.Closed, LetterRating.Satisfied), (letter.State, letter.Rating!.Value));
        Assert.Contains(letter.Log, e => e.Kind == LetterEventKind.RatingLapsed && e.Note.Contains("视为满意"));
        // Too late to rate now.
        var late = await test.Get<RateLetter>(scope).RateAsync(receipt.QueryCode, LetterRating.Unsatisfied);
        Assert.Equal(Gongkai.App.OutcomeKind.Invalid, late.Kind);
        Assert.Equal(0, await test.Get<CloseRatingWindows>(scope).HandleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unsatisfied_writer_should_have_the_letter_handled_again_once(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await OpenMailboxesAsync(test, "city");
        var office = await StaffAsync(test, "city");
        test.Clock.SetToday(new DateOnly(2024, 9, 26));
        var receipt = await WriteAsync(test, "city");
        await AnswerAsync(test, office, receipt.Id);
        await using var scope = test.Scope();
        var rate = test.Get<RateLetter>(scope);
        test.Clock.SetToday(new DateOnly(2024, 9, 30));
        Assert.True((await rate.RateAsync(receipt.QueryCode.Replace("-", "").ToLowerInvariant(), LetterRating.Unsatisfied, "没有说明维修时间")).Succeeded);
        Assert.Equal(LetterState.InProgress, (await rate.ReopenAsync(receipt.QueryCode, "路灯仍未修复")).Value);
        var reopened = await LoadAsync(test, receipt.Id);
        Assert.Equal(new DateOnly(2024, 10, 10), reopened.DueOn); // a new clock from the day it was reopened
        Assert.Null(reopened.AnsweredOn);
        await StepAsync(test, office, receipt.Id, LetterEventKind.AnswerSubmitted, "已督促维修单位于十月九日修复该路段路灯。");
        await StepAsync(test, office, receipt.Id, LetterEventKind.Answered);
        Assert.True((await rate.RateAsync(receipt.QueryCode, LetterRating.Unsatisfied)).Succeeded);
        var again = await rate.ReopenAsync(receipt.QueryCode, "还是不满意");
        Assert.Contains("只能申请再次办理一次", again.Problems.Single().Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_invalid_letter_should_have_no_due_date_and_count_as_invalid(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await OpenMailboxesAsync(test, "city");
        var office = await StaffAsync(test, "city");
        var receipt = await WriteAsync(test, "city");
        await using (var scope = test.Scope())
        {
            var refused = await test.Get<RecordLetterStep>(scope).HandleAsync(new(receipt.Id, LetterEventKind.Rejected), office);
            Assert.Contains(refused.Problems, p => p.Field == "invalidReason");
            Assert.True((await test.Get<RecordLetterStep>(scope).HandleAsync(new(receipt.Id, LetterEventKind.Rejected, "推销保健品", InvalidReason: InvalidReason.Advertising), office)).Succeeded);
        }
        var letter = await LoadAsync(test, receipt.Id);
        Assert.Equal((LetterState.Invalid, (DateOnly?)null), (letter.State, letter.DueOn));
    }
}
