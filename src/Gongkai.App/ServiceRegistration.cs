using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.App;

/// <summary>One AddX() per feature, called by the web app and the CLI alike.</summary>
public static class ServiceRegistration
{
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
            .AddScoped<Calendar.ImportCalendar>().AddScoped<Applications.TrackingView>().AddScoped<Applications.ReadApplicantContact>().AddScoped<Applications.ApplicationNotices>();

    /// <summary>
    /// The catalog; the 索引号 format (Catalog:IndexNumber:*, defaulting to the 实施指引's) and the attachment size limit
    /// (Catalog:Attachments:MaxBytes) come from configuration.
    /// </summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services) =>
        services.AddSingleton(sp => Catalog.CatalogSettings.IndexNumberFormat(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            .AddScoped<Catalog.CatalogLog>().AddScoped<Catalog.SaveCatalogDraft>().AddScoped<Catalog.SubmitCatalogItem>()
            .AddScoped<Catalog.PublishCatalogItem>().AddScoped<Catalog.ChangeCatalogItem>().AddScoped<Catalog.PublicCatalog>().AddScoped<Catalog.OfficeCatalog>().AddScoped<Catalog.ScreenCatalog>().AddScoped<Catalog.SanitizeCatalogBodies>()
            .AddScoped<Catalog.BulkCatalogWriter>().AddScoped<Catalog.ImportCatalog>()
            .AddSingleton(sp => Catalog.CatalogSettings.AttachmentLimits(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            .AddScoped<Catalog.AddCatalogAttachment>().AddScoped<Catalog.RemoveCatalogAttachment>()
            .AddSingleton<Search.CatalogIndex>().AddSingleton<Search.SearchFollower>().AddScoped<Search.PruneSearchChanges>()
            .AddSingleton(sp => Search.SearchLogSettings.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()))
            .AddScoped<Search.CatalogSearch>();

    /// <summary>Reconsideration and litigation cases against the answers (table 四 of the annual report).</summary>
    public static IServiceCollection AddCases(this IServiceCollection services) =>
        services.AddScoped<Cases.SaveReviewCase>();

    /// <summary>The annual report (政府信息公开工作年度报告).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddScoped<Reports.CompileReport>().AddScoped<Reports.SaveEnteredFigures>().AddScoped<Reports.TraceReportCell>().AddScoped<Reports.ReportDocuments>().AddScoped<Reports.ReportPublicationStatus>().AddScoped<Reports.SaveReportNarrative>().AddScoped<Reports.PublishAnnualReport>();

    /// <summary>`gongkai db backup` and `db restore`: the database in one file with a manifest of counts, and back.</summary>
    public static IServiceCollection AddBackup(this IServiceCollection services) =>
        services.AddScoped<Backup.BackupDatabase>().AddScoped<Backup.RestoreDatabase>();

    public static IServiceCollection AddDemo(this IServiceCollection services) =>
        services.AddScoped<SeedDemoData>().AddScoped<SeedDemoApplications>().AddScoped<SeedDemoCatalog>().AddScoped<SeedDemoCases>()
            .AddScoped<SeedDemoReportFigures>().AddScoped<SeedDemoReports>().AddScoped<SeedDemo>().AddScoped<MigrateDatabase>();
}
