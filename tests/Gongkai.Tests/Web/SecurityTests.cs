using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Web;

/// <summary>
/// Issue 13: headers on every response, absolute links from the configured address, cross-site writes to the staff API,
/// and applicants' identity and contact shown only to the roles that handle applications.
/// </summary>
public class SecurityTests
{
    private const string Id = ApplicationBuilder.SampleIdNumber;

    [Fact]
    public async Task Every_response_should_carry_the_security_headers_and_links_should_use_the_configured_address()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://xxgk.qinglan.example" });
        var client = app.Browser();
        foreach (var url in new[] { "/", "/xxgk", "/office/signin", "/office/signin", "/api/v1/units", "/site.css", "/no-such-page", "/office", "/sitemap.xml" })
        {
            var response = await client.GetAsync(url);
            var headers = response.Headers;
            Assert.True(headers.TryGetValues("Content-Security-Policy", out var csp), url);
            Assert.Contains("frame-ancestors 'none'", csp!.Single());
            Assert.Contains("script-src 'self'", csp!.Single());
            Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());   // the second sign-in page too, not only the first response
            Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", headers.GetValues("Referrer-Policy").Single());
        }

        // A forged Host header never reaches a link.
        foreach (var url in new[] { "/sitemap.xml", "/feeds/all.atom" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = "evil.example";
            var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", body);
            Assert.Contains("https://xxgk.qinglan.example/", body);
        }
    }

    [Fact]
    public async Task Https_responses_should_carry_hsts()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://xxgk.qinglan.example") });
        Assert.Contains("max-age=31536000", (await client.GetAsync("/")).Headers.GetValues("Strict-Transport-Security").Single());
        var plain = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://xxgk.qinglan.example") });
        Assert.False((await plain.GetAsync("/")).Headers.Contains("Strict-Transport-Security"));   // HSTS over HTTPS only
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_staff_api_should_refuse_writes_a_browser_sends_from_another_site(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("editor", "city", StaffRole.CatalogEditor);
        var editor = await app.SignedInAsync("editor");

        async Task<HttpStatusCode> DraftAsync(params (string Name, string Value)[] headers)
        {
            // Form-encoded, as an HTML form on another site would post it.
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/office/catalog")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "跨站草稿" }),
            };
            foreach (var (name, value) in headers)
                request.Headers.Add(name, value);
            return (await editor.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await DraftAsync(("Origin", "https://evil.example")));
        Assert.Equal(HttpStatusCode.Forbidden, await DraftAsync(("Origin", "null")));
        Assert.Equal(HttpStatusCode.Forbidden, await DraftAsync(("Sec-Fetch-Site", "cross-site")));
        Assert.Equal(HttpStatusCode.Forbidden, await DraftAsync(("Sec-Fetch-Site", "same-site")));
        // The same request from the portal's own pages, or from a client that is not a browser, gets past this check
        // (and is then refused for its form encoding, not for where it came from).
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await DraftAsync(("Origin", "http://localhost"), ("Sec-Fetch-Site", "same-origin")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await DraftAsync());
        await using var scope = app.Database.Scope();
        Assert.False(await app.Database.Get<GongkaiDb>(scope).CatalogItems.AnyAsync(i => i.Title == "跨站草稿"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_roles_that_handle_applications_should_read_identity_and_contact_and_each_read_is_recorded(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 27));
        await app.AddStaffAsync("officer", "city", StaffRole.ApplicationsOfficer);
        await app.AddStaffAsync("supervisor", "city", StaffRole.Supervisor);
        await app.AddStaffAsync("publisher", "city", StaffRole.CatalogEditor);
        var created = await app.Browser().PostAsJsonAsync("/api/v1/applications", new
        {
            unit = SeedDemoData.CodeOf("city"),
            applicantKind = "NaturalPerson",
            applicantName = "测试申请人",
            idType = "ResidentIdCard",
            idNumber = Id,
            phone = "13912345678",
            email = "applicant@example.com",
            address = "青岚市松涛区人民路12号3单元401室",
            description = "本市2024年道路维修计划",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Guid id;
        await using (var scope = app.Database.Scope())
            id = await app.Database.Get<GongkaiDb>(scope).Applications.Where(a => a.Phone == "13912345678").Select(a => a.Id).SingleAsync();

        foreach (var name in new[] { "supervisor", "publisher" })
        {
            var client = await app.SignedInAsync(name);
            var json = await client.GetStringAsync($"/api/v1/office/applications/{id}");
            Assert.DoesNotContain(Id, json);
            Assert.DoesNotContain("13912345678", json);
            Assert.DoesNotContain("applicant@example.com", json);
            Assert.DoesNotContain("3单元401室", json);
            var record = JsonDocument.Parse(json).RootElement;
            Assert.Equal(("139****5678", "a***@example.com", true),
                (record.GetProperty("phone").GetString(), record.GetProperty("email").GetString(), record.GetProperty("contactMasked").GetBoolean()));
            var page = await (await client.GetAsync($"/office/applications/{id}")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(Id, page);
            Assert.DoesNotContain("13912345678", page);
            Assert.Contains("仅依申请办理人员和管理员可见", page);
        }

        var officer = await app.SignedInAsync("officer");
        var full = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/office/applications/{id}")).RootElement;
        Assert.Equal((Id, "13912345678", false), (full.GetProperty("idNumber").GetString(), full.GetProperty("phone").GetString(), full.GetProperty("contactMasked").GetBoolean()));
        var officerPage = await (await officer.GetAsync($"/office/applications/{id}")).Content.ReadAsStringAsync();
        Assert.Contains(Id, officerPage);
        Assert.Contains("个人信息查阅记录", officerPage);

        await using (var scope = app.Database.Scope())
        {
            var reads = await app.Database.Get<GongkaiDb>(scope).Set<ApplicantDataRead>().Where(r => r.ApplicationId == id).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([("测试officer", "接口"), ("测试officer", "办理页面")], reads.Select(r => (r.ActorName, r.Via)));
        }
    }
}
