using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Applications;

/// <summary>
/// The public application form as an applicant meets it: what must be filled (and when), the phone's format, the
/// default unit, the receipt at a token address that survives a reload but not tampering or its lifetime, and the
/// paper form for 当面/信函 applicants.
/// </summary>
public class ApplyFormTests
{
    private static Dictionary<string, string> Form(string delivery = "Email", string email = "applicant@example.com", string phone = "0731-12345678") => new()
    {
        ["UnitCode"] = SeedDemoData.CodeOf("zjj"),
        ["Form.ApplicantKind"] = "NaturalPerson",
        ["Form.ApplicantName"] = "测试申请人",
        ["Form.IdType"] = "ResidentIdCard",
        ["Form.IdNumber"] = ApplicationBuilder.SampleIdNumber,
        ["Form.Phone"] = phone,
        ["Form.Email"] = email,
        ["Form.Address"] = "青岚市河西路 8 号",
        ["Form.Description"] = "2024年本市保障性住房分配名单的公示文件",
        ["Form.Form"] = "Paper",
        ["Form.Delivery"] = delivery,
    };

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static string Error(IHtmlDocument page, string field) => page.QuerySelector($"[data-valmsg-for='Form.{field}']")!.TextContent;

    [Fact]
    public async Task The_form_should_mark_what_is_required_and_say_when_email_and_address_are_needed_before_submitting()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var page = await app.Browser().GetPageAsync("/ysqgk/apply");

        Assert.Contains("必填", page.QuerySelector(".required-legend")!.TextContent);
        foreach (var id in new[] { "UnitCode", "Form_ApplicantName", "Form_IdNumber", "Form_Phone", "Form_Description" })
        {
            var field = page.GetElementById(id)!;
            Assert.True(field.HasAttribute("required") || field.GetAttribute("aria-required") == "true", id);   // selects always hold a value
            Assert.NotNull(page.QuerySelector($"label[for='{id}'] .required-mark"));
        }
        foreach (var id in new[] { "Form_Email", "Form_Address" })
        {
            Assert.False(page.GetElementById(id)!.HasAttribute("required"), id);   // required for one delivery only: said, and checked by the server
            Assert.Null(page.QuerySelector($"label[for='{id}'] .required-mark"));
        }
        Assert.Contains("“电子邮件”时必填", page.GetElementById(page.GetElementById("Form_Email")!.GetAttribute("aria-describedby")!)!.TextContent);
        Assert.Contains("须填写电子邮箱", page.GetElementById("delivery-hint")!.TextContent);
        Assert.Equal("address-line1", page.GetElementById("Form_Address")!.GetAttribute("autocomplete"));
        Assert.Contains("20 个工作日", page.GetElementById("apply-notice")!.TextContent);
        Assert.Contains("不收取费用", page.GetElementById("apply-notice")!.TextContent);
        Assert.NotNull(page.QuerySelector("#apply-notice a[href='/ysqgk/form.docx']"));
    }

    [Fact]
    public async Task The_receiving_unit_should_default_to_the_city_government_unless_the_address_names_one()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        string Selected(IHtmlDocument page) => ((IHtmlSelectElement)page.GetElementById("UnitCode")!).Value!;

        var plain = await client.GetPageAsync("/ysqgk/apply");
        Assert.Equal(SeedDemoData.CityCode, Selected(plain));
        Assert.Contains("青岚市人民政府", plain.GetElementById("apply-notice")!.TextContent);   // where to ask: the city's office
        Assert.Equal(SeedDemoData.CodeOf("jyj"), Selected(await client.GetPageAsync("/ysqgk/apply?unit=" + SeedDemoData.CodeOf("jyj"))));
        Assert.Equal(SeedDemoData.CityCode, Selected(await client.GetPageAsync("/ysqgk/apply?unit=nonsense")));
    }

    [Fact]
    public async Task A_phone_of_letters_should_get_a_format_message_and_an_empty_one_a_request_to_fill_it()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();

        var letters = await ParseAsync(await client.PostFormAsync("/ysqgk/apply", Form(phone: "abc")));
        Assert.Equal("联系电话格式不正确：请填写手机号码或带区号的固定电话。", Error(letters, "Phone"));
        var empty = await ParseAsync(await client.PostFormAsync("/ysqgk/apply", Form(phone: "")));
        Assert.Equal("请填写联系电话。", Error(empty, "Phone"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Email_should_be_required_only_when_the_information_is_to_be_sent_by_email(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var client = app.Browser();

        var byEmail = await client.PostFormAsync("/ysqgk/apply", Form(delivery: "Email", email: ""));
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        Assert.Contains("请填写电子邮箱", Error(await ParseAsync(byEmail), "Email"));

        var pickUp = await client.PostFormAsync("/ysqgk/apply", Form(delivery: "PickUp", email: ""));
        Assert.Equal(HttpStatusCode.Redirect, pickUp.StatusCode);
        await using var scope = app.Database.Scope();
        Assert.Equal("", (await app.Database.Get<GongkaiDb>(scope).Applications.SingleAsync()).Email);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_receipt_should_repeat_the_request_survive_a_reload_and_refuse_a_tampered_or_expired_address(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 26));
        var client = app.Browser();

        var form = Form(delivery: "Post");
        form["Form.Description"] += "\r\n（2024年第二批）";   // a textarea posts CRLF
        var posted = await client.PostFormAsync("/ysqgk/apply", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var address = posted.Headers.Location!.ToString();
        Assert.StartsWith("/ysqgk/Receipt?t=", address, StringComparison.OrdinalIgnoreCase);
        var receipt = await client.GetPageAsync(address);
        var code = receipt.GetElementById("tracking-code")!.TextContent;
        Assert.DoesNotContain(code, address);
        var submitted = receipt.GetElementById("submitted")!.TextContent;
        foreach (var shown in new[] { "青岚市住房和城乡建设局", "2024年本市保障性住房分配名单的公示文件", "纸质", "邮寄", "测试申请人", "0731-12345678", "青岚市河西路 8 号" })
            Assert.Contains(shown, submitted);
        Assert.DoesNotContain(ApplicationBuilder.SampleIdNumber, receipt.Body!.TextContent);
        Assert.DoesNotContain("&#xD;", await client.GetStringAsync(address));   // no carriage return echoed (Nu checker error)

        // A reload hours later still shows the same receipt.
        app.Database.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(code, (await client.GetPageAsync(address)).GetElementById("tracking-code")!.TextContent);

        var tampered = address[..^3] + (address[^3] == 'A' ? 'B' : 'A') + address[^2..];
        foreach (var refusedAddress in new[] { tampered, "/ysqgk/receipt", "/ysqgk/receipt?t=" + code })
            await AssertRefusedAsync(client, refusedAddress, code);
        app.Database.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await AssertRefusedAsync(client, address, code);   // past its 4 hours
    }

    private static async Task AssertRefusedAsync(HttpClient client, string address, string code)
    {
        var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("回执已失效", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/ysqgk/track']"));
        Assert.DoesNotContain(code, page.Body!.TextContent);
        Assert.DoesNotContain("测试申请人", page.Body.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_paper_form_should_download_as_a_valid_Word_document_with_the_fields_to_fill(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var response = await app.Browser().GetAsync("/ysqgk/form.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(Browser.ChromiumBrowser.Artifacts, $"paper-form-{provider}.docx"), bytes);   // to look at
        using var docx = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(docx, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        foreach (var label in new[] { "政府信息公开申请表", "姓名或名称", "证件号码", "联系电话", "电子邮箱", "通信地址", "受理机关",
                     "所需政府信息的名称、文号或者便于查询的其他特征性描述", "□纸质", "□当面领取", "□邮寄", "申请人签名或者盖章" })
            Assert.Contains(label, text);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/ysqgk/form.exe")).StatusCode);
    }

    [Fact]
    public async Task The_paper_form_should_download_as_a_one_page_PDF_with_the_fields_to_fill_where_a_font_is_installed()
    {
        if (!App.Documents.PdfCjkFont.Available)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail("CI=true but no TrueType font with Chinese characters for PDFs: apt-get install fonts-droid-fallback");
            Assert.Skip("No TrueType CJK font (fonts-droid-fallback): the PDF paper form is not offered.");
        }
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var apply = await app.Browser().GetPageAsync("/ysqgk/apply");
        Assert.NotNull(apply.QuerySelector("#apply-notice a[href='/ysqgk/form.pdf']"));

        var response = await app.Browser().GetAsync("/ysqgk/form.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(Browser.ChromiumBrowser.Artifacts, "paper-form.pdf"), bytes);   // to look at
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value));
        Assert.DoesNotContain('\0', text);   // no character the font lacks
        foreach (var label in new[] { "政府信息公开申请表", "姓名或名称", "证件号码", "联系电话", "受理机关", "□纸质", "□当面领取", "申请人签名或者盖章", "填表说明", "打“√”", "20 个工作日" })
            Assert.Contains(label, text);
    }
}
