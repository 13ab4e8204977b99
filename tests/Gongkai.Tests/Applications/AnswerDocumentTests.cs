using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Applications;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Applications;

/// <summary>An answer and the documents released with it are written together or not at all (条例第三十六条).</summary>
public class AnswerDocumentTests
{
    private static readonly StaffScope Officer = StaffScope.System with { DisplayName = "办理人员", Roles = new HashSet<string> { StaffRole.ApplicationsOfficer } };

    private static readonly DateOnly Today = new(2024, 10, 8);

    internal static async Task<Guid> RecordAsync(TestDatabase db, string unitKey = "yy-zjj")
    {
        db.Clock.SetToday(Today);
        await using var scope = db.Scope();
        var outcome = await db.Get<SubmitApplication>(scope).HandleAsync(
            new(SeedDemoData.CodeOf(unitKey), ApplicationBuilder.Person(), SubmissionChannel.InPerson, Today), Officer);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Value!.Id;
    }

    private static AnswerApplication.Input Answer(Guid id) =>
        new(id, Today, Outcome.Provided, "", [new("改造清单.pdf", "application/pdf", "%PDF-1.4 清单"u8.ToArray())]);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_answer_whose_documents_fail_to_save_should_leave_the_application_open_to_be_answered_again(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await RecordAsync(db);

        // The documents' write fails (a full disk, a killed connection): nothing of the answer may stay.
        await using (var scope = db.Scope())
        {
            var context = db.Get<GongkaiDb>(scope);
            context.SavingChanges += (_, _) =>
            {
                if (context.ChangeTracker.Entries<ApplicationDocument>().Any(e => e.State == EntityState.Added))
                    throw new DbUpdateException("磁盘已满（测试）");
            };
            await Assert.ThrowsAsync<DbUpdateException>(() => db.Get<AnswerApplication>(scope).HandleAsync(Answer(id), Officer));
        }
        await using (var scope = db.Scope())
        {
            var context = db.Get<GongkaiDb>(scope);
            var application = await context.Applications.Include(a => a.Log).AsNoTracking().SingleAsync(a => a.Id == id);
            Assert.Equal(ApplicationState.InProgress, application.State);
            Assert.DoesNotContain(application.Log, e => e.Kind == ApplicationEventKind.Answered);
        }

        await using (var scope = db.Scope())
        {
            var again = await db.Get<AnswerApplication>(scope).HandleAsync(Answer(id), Officer);
            Assert.True(again.Succeeded, string.Join("; ", again.Problems));
        }
        await using (var scope = db.Scope())
        {
            var context = db.Get<GongkaiDb>(scope);
            Assert.Equal(ApplicationState.Answered, (await context.Applications.SingleAsync(a => a.Id == id)).State);
            Assert.Equal(["改造清单.pdf"], await context.ApplicationDocuments.Where(d => d.ApplicationId == id).Select(d => d.FileName).ToListAsync());
        }
    }
}
