using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.App;

/// <summary>One AddX() per feature, called by the web app and the CLI alike.</summary>
public static class ServiceRegistration
{
    /// <summary>工作台 (issue 17): what needs each account today. Needs the applications, letters and catalog services.</summary>
    public static IServiceCollection AddWorkbench(this IServiceCollection services) =>
        services.AddScoped<Workbench.WhatNeedsMe>();

    public static IServiceCollection AddUnits(this IServiceCollection services) =>
        services.AddScoped<SaveUnit>().AddScoped<ImportUnits>();

    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.AddScoped<AddStaffAccount>().AddScoped<UpdateStaffAccount>().AddScoped<SetStaffAccountDisabled>()
            .AddScoped<UnlockStaffAccount>().AddScoped<CheckStaffSignIn>()
            .AddSingleton(TimeProvider.System);

    public static IServiceCollection AddApplications(this IServiceCollection services) =>
        services.AddSingleton<Calendar.OfficialCalendar>().AddScoped<Applications.ApplicationLog>()
            .AddScoped<Applications.SubmitApplication>().AddScoped<Applications.RecordStep>()
            .AddScoped<Applications.AnswerApplication>().AddScoped<Applications.AddAnswerDocument>().AddScoped<Applications.TransferApplication>()
            .AddScoped<Calendar.ImportCalendar>().AddScoped<Applications.TrackingView>().AddScoped<Applications.ReadApplicationReceipt>().AddScoped<Applications.ReadApplicantContact>().AddScoped<Applications.ApplicationNotices>();

    /// <summary>
    /// The catalog; the 索引号 format (Catalog:IndexNumber:*, defaulting to the 实施指引's) and the attachment size limit
    /// (Catalog:Attachments:MaxBytes) come from configuration.
    /// </summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services) =>
        services.AddSingleton(sp => Catalog.CatalogSettings.IndexNumberFormat(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            .AddScoped<Catalog.CatalogLog>().AddScoped<Catalog.SaveCatalogDraft>().AddScoped<Catalog.SubmitCatalogItem>()
            .AddScoped<Catalog.PublishCatalogItem>().AddScoped<Catalog.ReviseCatalogItem>().AddScoped<Catalog.CatalogRevisions>().AddScoped<Catalog.ChangeCatalogItem>().AddScoped<Catalog.PublicCatalog>().AddScoped<Catalog.OfficeCatalog>().AddScoped<Catalog.ScreenCatalog>().AddScoped<Catalog.SanitizeCatalogBodies>()
            .AddScoped<Catalog.BulkCatalogWriter>().AddScoped<Catalog.ImportCatalog>()
            .AddSingleton(sp => Catalog.CatalogSettings.AttachmentLimits(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            .AddScoped<Catalog.AddCatalogAttachment>().AddScoped<Catalog.RemoveCatalogAttachment>()
            .AddSingleton<Search.CatalogIndex>().AddSingleton<Search.SearchFollower>().AddScoped<Search.PruneSearchChanges>()
            .AddSingleton(sp => Search.SearchLogSettings.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            .AddScoped<Search.CatalogSearch>();

    /// <summary>
    /// Public letters (领导信箱、留言、我为政府网站找错); their local rules come from configuration (<see cref="Letters.LetterSettings"/>).
    /// Needs <see cref="AddApplications"/> (the official calendar) and <see cref="AddOutbox"/> (the writer is told of the answer).
    /// </summary>
    public static IServiceCollection AddLetters(this IServiceCollection services) =>
        services.AddSingleton(sp => Letters.LetterSettings.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            .AddScoped<Letters.LetterLog>().AddScoped<Letters.WriteLetter>().AddScoped<Letters.ReadLetterReceipt>().AddScoped<Letters.RecordLetterStep>().AddScoped<Letters.PublishLetter>()
            .AddScoped<Letters.RateLetter>().AddScoped<Letters.CloseRatingWindows>().AddScoped<Letters.TrackLetter>().AddScoped<Letters.StopAfterSuggestions>()
            .AddScoped<Search.LetterSearch>().AddScoped<Letters.LetterStats>().AddScoped<Letters.ImportLetters>()
            .AddScoped<Letters.OfficeLetters>().AddScoped<Letters.ReadWriterContact>().AddScoped<Letters.SaveMailbox>().AddScoped<Letters.LetterNotices>()
            .AddScoped<Letters.BulkLetterWriter>();

    /// <summary>
    /// Participation and interpretation (issue 15): solicitations, surveys, interviews, press conferences and responses,
    /// their one log, and <c>Participation:*</c> settings (<see cref="Participation.ParticipationSettings"/>).
    /// </summary>
    public static IServiceCollection AddParticipation(this IServiceCollection services) =>
        services.AddSingleton(sp => Participation.ParticipationSettings.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            .AddScoped<Participation.ParticipationLog>()
            .AddScoped<Participation.ParticipationOverview>()
            .AddScoped<Participation.Solicitations.OfficeSolicitations>().AddScoped<Participation.Solicitations.PublicSolicitations>()
            .AddScoped<Participation.Solicitations.SaveSolicitation>().AddScoped<Participation.Solicitations.PublishSolicitation>()
            .AddScoped<Participation.Solicitations.CommentOnSolicitation>().AddScoped<Participation.Solicitations.ModerateComment>()
            .AddScoped<Participation.Solicitations.RecordAdoption>().AddScoped<Participation.Solicitations.PublishFeedback>()
            .AddScoped<Participation.Solicitations.EditFeedback>().AddScoped<Participation.Solicitations.ExtendSolicitation>()
            .AddScoped<Participation.Solicitations.WithdrawSolicitation>().AddScoped<Participation.Solicitations.LinkPolicy>()
            .AddScoped<Participation.Responses.RecordPressConference>().AddScoped<Participation.Responses.RecordResponseEvent>()
            .AddScoped<Participation.Responses.DeleteResponseRecord>().AddScoped<Participation.Responses.OfficeResponses>()
            .AddScoped<Participation.Responses.PublicResponses>().AddScoped<Participation.Responses.InterpretationCoverage>()
            .AddScoped<Participation.SiteReport.CompileSiteReport>()
            .AddScoped<Participation.Surveys.OfficeSurveys>().AddScoped<Participation.Surveys.SaveSurvey>().AddScoped<Participation.Surveys.PublishSurvey>()
            .AddScoped<Participation.Surveys.AnswerSurvey>().AddScoped<Participation.Surveys.ExtendSurvey>().AddScoped<Participation.Surveys.PublishSurveyResults>()
            .AddScoped<Participation.Surveys.WithdrawSurvey>()
            .AddScoped<Participation.Interviews.OfficeInterviews>().AddScoped<Participation.Interviews.PublicInterviews>().AddScoped<Participation.Interviews.SaveInterview>()
            .AddScoped<Participation.Interviews.PublishInterview>().AddScoped<Participation.Interviews.AskQuestion>().AddScoped<Participation.Interviews.ModerateQuestion>()
            .AddScoped<Participation.Interviews.AnswerQuestion>().AddScoped<Participation.Interviews.PublishTranscript>().AddScoped<Participation.Interviews.WithdrawInterview>();

    /// <summary>
    /// The website self-check (issue 16): websites, columns, new-media accounts, the lexicon, probes, runs and scorecards;
    /// <c>SiteCheck:*</c> settings (<see cref="SiteCheck.SiteCheckSettings"/>).
    /// </summary>
    public static IServiceCollection AddSiteCheck(this IServiceCollection services) =>
        services.AddSingleton(sp => SiteCheck.SiteCheckSettings.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            .AddScoped<JobLeases>()
            .AddScoped<SiteCheck.RunSiteCheck>()
            .AddScoped<SiteCheck.SyncOwnColumns>().AddScoped<SiteCheck.CheckRecords>().AddScoped<SiteCheck.CheckLexicon>().AddScoped<SiteCheck.CheckPublicationDates>().AddScoped<SiteCheck.ReadSiteFacts>()
            .AddSingleton<SiteCheck.Network.PoliteHttp>()
            .AddScoped<SiteCheck.Network.ProbeWebsites>().AddScoped<SiteCheck.ISiteProber>(sp => sp.GetRequiredService<SiteCheck.Network.ProbeWebsites>())
            .AddScoped<SiteCheck.ISiteCollector, SiteCheck.Network.ReadExternalColumns>()
            .AddScoped<SiteCheck.ISiteCollector, SiteCheck.Network.ReadAccountFeeds>()
            .AddScoped<SiteCheck.ISiteCollector, SiteCheck.Network.CheckLinks>()
            .AddScoped<SiteCheck.Settings.SaveWebsite>().AddScoped<SiteCheck.Settings.SaveColumn>().AddScoped<SiteCheck.Settings.SaveAccount>()
            .AddScoped<SiteCheck.Settings.AddLexiconEntry>().AddScoped<SiteCheck.Settings.RemoveLexiconEntry>().AddScoped<SiteCheck.Settings.ImportLexicon>()
            .AddScoped<SiteCheck.Settings.JudgeFinding>().AddScoped<SiteCheck.Settings.ConfirmGuideReviewed>()
            .AddScoped<SiteCheck.Scorecards.ShowScorecard>().AddScoped<SiteCheck.Scorecards.CompareSubtree>().AddScoped<SiteCheck.Scorecards.ShowHistory>()
            .AddScoped<SiteCheck.Scorecards.CompileMonthlyReport>();

    /// <summary>
    /// Messages to the public (e-mail, SMS) through the outbox table; <c>Outbox:Sender</c> chooses where they go:
    /// <c>Log</c> (the default: written to the log) or <c>Smtp</c> (<see cref="Outbox.SmtpSettings"/>).
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services) =>
        services.AddSingleton<Outbox.LogSender>().AddScoped<Outbox.SendOutbox>()
            .AddSingleton<Outbox.IMessageSender>(sp =>
            {
                var configuration = sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
                return (configuration["Outbox:Sender"] ?? "Log") switch
                {
                    var s when s.Equals("Log", StringComparison.OrdinalIgnoreCase) => sp.GetRequiredService<Outbox.LogSender>(),
                    var s when s.Equals("Smtp", StringComparison.OrdinalIgnoreCase) => new Outbox.SmtpSender(Outbox.SmtpSettings.Read(configuration), sp.GetRequiredService<Outbox.LogSender>()),
                    var s => throw new InvalidOperationException($"配置项 Outbox:Sender 有误：“{s}”（可选 Log、Smtp）。"),
                };
            });

    /// <summary>Reconsideration and litigation cases against the answers (table 四 of the annual report).</summary>
    public static IServiceCollection AddCases(this IServiceCollection services) =>
        services.AddScoped<Cases.SaveReviewCase>();

    /// <summary>The annual report (政府信息公开工作年度报告); the audit's OCR of scanned PDFs from <c>Audit:Ocr:*</c>.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddSingleton(sp => new Reports.Audit.ScannedPdf(Reports.Audit.OcrSettings.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>())))
            .AddScoped<Reports.CompileReport>().AddScoped<Reports.SaveEnteredFigures>().AddScoped<Reports.TraceReportCell>().AddScoped<Reports.ReportDocuments>().AddScoped<Reports.ReportPublicationStatus>().AddScoped<Reports.SaveReportNarrative>().AddScoped<Reports.PublishAnnualReport>();

    /// <summary>`gongkai db backup` and `db restore`: the database in one file with a manifest of counts, and back.</summary>
    public static IServiceCollection AddBackup(this IServiceCollection services) =>
        services.AddScoped<Backup.BackupDatabase>().AddScoped<Backup.RestoreDatabase>();

    public static IServiceCollection AddDemo(this IServiceCollection services) =>
        services.AddScoped<SeedDemoData>().AddScoped<SeedDemoApplications>().AddScoped<SeedDemoCatalog>().AddScoped<SeedDemoCases>()
            .AddScoped<SeedDemoReportFigures>().AddScoped<SeedDemoReports>().AddScoped<SeedDemoLetters>().AddScoped<SeedDemoParticipation>().AddScoped<SeedDemoSiteCheck>().AddScoped<GenerateDemoLetters>().AddScoped<SeedDemo>().AddScoped<MigrateDatabase>();
}
