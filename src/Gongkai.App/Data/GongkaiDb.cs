using Gongkai.App.Accounts;
using Gongkai.App.Units;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Data;

/// <summary>
/// The one provider-neutral model. Each database has a derived context (<see cref="SqliteGongkaiDb"/>,
/// <see cref="PostgresGongkaiDb"/>) that owns its own migration set; the rest of the code only sees this type.
/// </summary>
/// <remarks>
/// It also keeps the data-protection keys (<see cref="IDataProtectionKeyContext"/>) that sign the staff cookie and the
/// anti-forgery tokens, so that every web node over the same database accepts what another issued.
/// </remarks>
public abstract class GongkaiDb(DbContextOptions options) : IdentityDbContext<StaffAccount, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Applications.Application> Applications => Set<Applications.Application>();
    public DbSet<Applications.ApplicationLogEntry> ApplicationLog => Set<Applications.ApplicationLogEntry>();
    public DbSet<Applications.ApplicationDocument> ApplicationDocuments => Set<Applications.ApplicationDocument>();
    public DbSet<Catalog.CatalogItem> CatalogItems => Set<Catalog.CatalogItem>();
    public DbSet<Catalog.CatalogLogEntry> CatalogLog => Set<Catalog.CatalogLogEntry>();
    public DbSet<Catalog.CatalogAttachment> CatalogAttachments => Set<Catalog.CatalogAttachment>();
    public DbSet<Catalog.IndexCounter> IndexCounters => Set<Catalog.IndexCounter>();
    public DbSet<Catalog.CatalogItemVersion> CatalogItemVersions => Set<Catalog.CatalogItemVersion>();
    public DbSet<Cases.ReviewCase> ReviewCases => Set<Cases.ReviewCase>();
    public DbSet<Cases.ReviewCaseLogEntry> ReviewCaseLog => Set<Cases.ReviewCaseLogEntry>();
    public DbSet<Reports.AnnualReport> AnnualReports => Set<Reports.AnnualReport>();
    public DbSet<Reports.ReportFigureEntry> ReportFigureEntries => Set<Reports.ReportFigureEntry>();
    public DbSet<Calendar.CalendarDay> CalendarDays => Set<Calendar.CalendarDay>();
    public DbSet<Calendar.CalendarImport> CalendarImports => Set<Calendar.CalendarImport>();
    public DbSet<StaffAccountLogEntry> StaffAccountLog => Set<StaffAccountLogEntry>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<Letters.Letter> Letters => Set<Letters.Letter>();
    public DbSet<Letters.LetterLogEntry> LetterLog => Set<Letters.LetterLogEntry>();
    public DbSet<Letters.LetterAttachment> LetterAttachments => Set<Letters.LetterAttachment>();
    public DbSet<Letters.Mailbox> Mailboxes => Set<Letters.Mailbox>();
    public DbSet<Letters.LetterSuggestionOutcome> LetterSuggestionOutcomes => Set<Letters.LetterSuggestionOutcome>();
    public DbSet<Outbox.OutboxMessage> OutboxMessages => Set<Outbox.OutboxMessage>();
    public DbSet<Participation.Solicitation> Solicitations => Set<Participation.Solicitation>();
    public DbSet<Participation.SolicitationComment> SolicitationComments => Set<Participation.SolicitationComment>();
    public DbSet<Participation.Survey> Surveys => Set<Participation.Survey>();
    public DbSet<Participation.SurveyResponse> SurveyResponses => Set<Participation.SurveyResponse>();
    public DbSet<Participation.Interview> Interviews => Set<Participation.Interview>();
    public DbSet<Participation.InterviewQuestion> InterviewQuestions => Set<Participation.InterviewQuestion>();
    public DbSet<Participation.PressConference> PressConferences => Set<Participation.PressConference>();
    public DbSet<Participation.ResponseEvent> ResponseEvents => Set<Participation.ResponseEvent>();
    public DbSet<Participation.ParticipationLogEntry> ParticipationLog => Set<Participation.ParticipationLogEntry>();
    public DbSet<Participation.ParticipationAttachment> ParticipationAttachments => Set<Participation.ParticipationAttachment>();
    public DbSet<SiteCheck.Website> Websites => Set<SiteCheck.Website>();
    public DbSet<SiteCheck.SiteProbe> SiteProbes => Set<SiteCheck.SiteProbe>();
    public DbSet<SiteCheck.SiteColumn> SiteColumns => Set<SiteCheck.SiteColumn>();
    public DbSet<SiteCheck.NewMediaAccount> NewMediaAccounts => Set<SiteCheck.NewMediaAccount>();
    public DbSet<SiteCheck.LexiconEntry> LexiconEntries => Set<SiteCheck.LexiconEntry>();
    public DbSet<SiteCheck.LinkCheck> LinkChecks => Set<SiteCheck.LinkCheck>();
    public DbSet<SiteCheck.SiteCheckRun> SiteCheckRuns => Set<SiteCheck.SiteCheckRun>();
    public DbSet<SiteCheck.SiteFinding> SiteFindings => Set<SiteCheck.SiteFinding>();
    public DbSet<SiteCheck.SiteFindingDecision> SiteFindingDecisions => Set<SiteCheck.SiteFindingDecision>();
    public DbSet<SiteCheck.SiteCheckLogEntry> SiteCheckLog => Set<SiteCheck.SiteCheckLogEntry>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Unit>(unit =>
        {
            unit.ToTable("units");
            unit.HasIndex(u => u.Code).IsUnique();
            unit.HasIndex(u => u.Path).IsUnique();
            unit.Property(u => u.Path).HasMaxLength(400);
            unit.Property(u => u.Code).HasMaxLength(18);
            unit.Property(u => u.FullName).HasMaxLength(100);
            unit.Property(u => u.ShortName).HasMaxLength(30);
            unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
            unit.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.ApplyConfiguration(new Applications.ApplicationConfiguration());
        builder.ApplyConfiguration(new Applications.ApplicationLogEntryConfiguration());
        builder.ApplyConfiguration(new Applications.ApplicationDocumentConfiguration());
        builder.ApplyConfiguration(new Applications.ApplicantDataReadConfiguration());
        builder.ApplyConfiguration(new Calendar.CalendarDayConfiguration());
        builder.ApplyConfiguration(new JobLeaseConfiguration());
        builder.ApplyConfiguration<SiteCheck.Website>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration<SiteCheck.SiteProbe>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration<SiteCheck.SiteColumn>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration<SiteCheck.NewMediaAccount>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration<SiteCheck.LexiconEntry>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration<SiteCheck.LinkCheck>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration<SiteCheck.SiteCheckRun>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration<SiteCheck.SiteFinding>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration<SiteCheck.SiteFindingDecision>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration<SiteCheck.SiteCheckLogEntry>(new SiteCheck.SiteCheckConfiguration());
        builder.ApplyConfiguration(new Catalog.CatalogItemConfiguration());
        builder.ApplyConfiguration(new Catalog.CatalogLogEntryConfiguration());
        builder.ApplyConfiguration(new Catalog.CatalogAttachmentConfiguration());
        builder.ApplyConfiguration(new Catalog.IndexCounterConfiguration());
        builder.ApplyConfiguration(new Catalog.CatalogItemVersionConfiguration());
        builder.ApplyConfiguration(new Search.SearchChangeConfiguration());
        builder.ApplyConfiguration(new Search.SearchNodeConfiguration());
        builder.ApplyConfiguration(new PageCache.PageChangeConfiguration());
        builder.ApplyConfiguration(new Calendar.CalendarImportConfiguration());
        builder.ApplyConfiguration(new Cases.ReviewCaseConfiguration());
        builder.ApplyConfiguration(new Cases.ReviewCaseLogEntryConfiguration());
        builder.ApplyConfiguration(new Reports.AnnualReportConfiguration());
        builder.ApplyConfiguration(new Reports.ReportFigureEntryConfiguration());
        builder.ApplyConfiguration(new StaffAccountLogEntryConfiguration());
        builder.ApplyConfiguration(new SignInFailureConfiguration());
        builder.ApplyConfiguration(new Letters.LetterConfiguration());
        builder.ApplyConfiguration(new Letters.LetterLogEntryConfiguration());
        builder.ApplyConfiguration(new Letters.LetterAttachmentConfiguration());
        builder.ApplyConfiguration(new Letters.MailboxConfiguration());
        builder.ApplyConfiguration(new Letters.LetterSuggestionOutcomeConfiguration());
        builder.ApplyConfiguration(new Outbox.OutboxMessageConfiguration());
        var solicitationConfiguration = new Participation.SolicitationConfiguration();
        builder.ApplyConfiguration<Participation.Solicitation>(solicitationConfiguration);
        builder.ApplyConfiguration<Participation.SolicitationComment>(solicitationConfiguration);
        var surveyConfiguration = new Participation.SurveyConfiguration();
        builder.ApplyConfiguration<Participation.Survey>(surveyConfiguration);
        builder.ApplyConfiguration<Participation.SurveyResponse>(surveyConfiguration);
        var interviewConfiguration = new Participation.InterviewConfiguration();
        builder.ApplyConfiguration<Participation.Interview>(interviewConfiguration);
        builder.ApplyConfiguration<Participation.InterviewQuestion>(interviewConfiguration);
        var responsesConfiguration = new Participation.ResponsesConfiguration();
        builder.ApplyConfiguration<Participation.PressConference>(responsesConfiguration);
        builder.ApplyConfiguration<Participation.ResponseEvent>(responsesConfiguration);
        var participationLogConfiguration = new Participation.ParticipationLogConfiguration();
        builder.ApplyConfiguration<Participation.ParticipationLogEntry>(participationLogConfiguration);
        builder.ApplyConfiguration<Participation.ParticipationAttachment>(participationLogConfiguration);

        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        builder.Entity<StaffAccount>(account =>
        {
            account.Property(a => a.DisplayName).HasMaxLength(50);
            account.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
