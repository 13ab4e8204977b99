using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.Web;
using Gongkai.Web.Accounts;
using Gongkai.Web.Api;
using Gongkai.Web.PageCache;
using Gongkai.Web.Sitemaps;

// Content comes from the build output, so the app runs from any working directory; ./data/ stays under the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();
builder.Configuration.AddGongkaiConfiguration();

builder.Services.AddGongkaiData();
builder.Services.AddUnits();
builder.Services.AddAccounts();
builder.Services.AddApplications();
builder.Services.AddCatalog();
builder.Services.AddCases();
builder.Services.AddReports();
builder.Services.AddOutbox();
builder.Services.AddLetters();
builder.Services.AddWorkbench();   // 工作台 counts (issue 17)
builder.Services.AddParticipation();
builder.Services.AddSiteCheck();
builder.Services.AddDemo();
builder.Services.AddStaffSignIn(builder.Configuration);
builder.Services.AddPortalPages();
builder.Services.AddApi();
builder.Services.AddPublicFormLimits(builder.Configuration);
builder.Services.AddAuditLimits(builder.Configuration);
builder.Services.AddAttachmentUploads(builder.Configuration);
builder.Services.AddSeveralNodes(builder.Configuration);
builder.Services.AddSecurityHeaders(builder.Configuration);
builder.Services.AddReceiptTokens();
builder.Services.AddSitemaps(builder.Configuration);
builder.Services.AddPortalPageCache(builder.Configuration);
builder.Services.AddHostedService<SearchIndexing>();
builder.Services.AddHostedService<OutboxDispatch>();
builder.Services.AddHostedService<SiteCheckSchedule>();
builder.Services.AddHealthChecks().AddDbContextCheck<GongkaiDb>();

var app = builder.Build();
await app.PrepareDatabaseAsync();

app.UseProxyHeaders();
app.UseSecurityHeaders();
app.UseChineseErrorPages();
app.UseRouting(); // after the error pages, so a re-executed /error request is routed anew
app.UseBodyLimits(); // after routing, which sets a route's own limit
app.UseCrossSiteChecks();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UsePortalPageCache();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapUnitsApi();
app.MapApplicationsApi();
app.MapCatalogApi();
app.MapCasesApi();
app.MapOfficeLettersApi();
app.MapOfficeSiteCheckApi();
app.MapOfficeResponsesApi();
app.MapReportsApi();
app.MapLettersApi();
app.MapSolicitationsApi();
app.MapOfficeSolicitationsApi();
app.MapAuditApi();
app.MapSurveysApi(); app.MapInterviewsApi(); app.MapOfficeSurveysApi(); app.MapOfficeInterviewsApi();
app.MapFeeds();
app.MapSitemaps();
app.MapAttachmentDownloads();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealthChecks("/healthz");
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("公开门户：{Urls}　工作人员入口：/office", string.Join(" ", app.Urls)));
app.Run();

public partial class Program;
