using System.Net;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Letters;

/// <summary>信箱设置: a unit's letter officer opens, changes and closes its mailbox; each change is on the officer's account record.</summary>
public class MailboxTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_letter_officer_should_open_and_close_the_units_mailbox_with_each_change_recorded(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("zjj-letters", "zjj", StaffRole.LettersOfficer);
        var client = await app.SignedInAsync("zjj-letters");
        var url = $"/office/mailboxes/edit?unit={SeedDemoData.CodeOf("zjj")}";
        Assert.Equal("局长信箱", (await client.GetPageAsync(url)).QuerySelector("#Form_Name")!.GetAttribute("value"));

        var empty = await client.PostFormAsync(url, new() { ["Unit"] = SeedDemoData.CodeOf("zjj"), ["Form.Name"] = "", ["Form.IsOpen"] = "true", ["Form.SortOrder"] = "0" });
        Assert.Contains("请填写信箱名称", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, new() { ["Unit"] = SeedDemoData.CodeOf("zjj"), ["Form.Name"] = "住建局局长信箱", ["Form.Introduction"] = "受理住房和城乡建设方面的咨询、建议和投诉。", ["Form.IsOpen"] = "true", ["Form.SortOrder"] = "2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, new() { ["Unit"] = SeedDemoData.CodeOf("zjj"), ["Form.Name"] = "住建局局长信箱", ["Form.Introduction"] = "受理住房和城乡建设方面的咨询、建议和投诉。", ["Form.IsOpen"] = "false", ["Form.SortOrder"] = "2" })).StatusCode);
        var list = (await client.GetPageAsync("/office/mailboxes")).QuerySelectorAll("table.mailboxes tbody tr").Single(r => r.TextContent.Contains("青岚市住房和城乡建设局")).TextContent;
        Assert.Contains("住建局局长信箱", list);
        Assert.Contains("已关闭", list);
        // Another bureau's mailbox is outside the officer's scope.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/office/mailboxes/edit?unit={SeedDemoData.CodeOf("fgw")}")).StatusCode);

        await using var scope = app.Database.Scope();
        var db = app.Database.Get<GongkaiDb>(scope);
        var notes = await db.StaffAccountLog.Where(e => e.Action == StaffAccountAction.MailboxChanged).OrderBy(e => e.Id).Select(e => e.Note).ToListAsync();
        Assert.Equal(2, notes.Count);
        Assert.Contains("开设信箱", notes[0]);
        Assert.Contains("关闭", notes[1]);
        Assert.False((await db.Mailboxes.SingleAsync()).IsOpen);
    }
}
