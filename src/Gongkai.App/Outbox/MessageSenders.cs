using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Gongkai.App.Outbox;

/// <summary>Where outbox messages go: the log (the default, nothing leaves the machine) or an SMTP server.</summary>
public interface IMessageSender
{
    /// <summary>Sends one message; throws when it could not be sent (it is retried later).</summary>
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Writes each message to the log: the default until a real sender is configured (<c>Outbox:Sender</c>).</summary>
public sealed class LogSender(ILogger<LogSender> logger) : IMessageSender
{
    public Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        logger.LogInformation("发送{Channel}至 {To}：{Subject}\n{Body}", message.Channel == OutboxChannel.Email ? "邮件" : "短信",
            message.To, message.Subject, message.Body);
        return Task.CompletedTask;
    }
}

/// <summary>
/// E-mail through an SMTP server with MailKit (<c>Outbox:Smtp:Host</c>, <c>:Port</c> 587, <c>:UserName</c>,
/// <c>:Password</c>, <c>:From</c>, <c>:Security</c> StartTls|SslOnConnect|None). Text messages (SMS) have no gateway
/// here and go to the log.
/// </summary>
public sealed class SmtpSender(SmtpSettings settings, LogSender log) : IMessageSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Channel != OutboxChannel.Email)
        {
            await log.SendAsync(message, ct);
            return;
        }
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, ct);
        if (settings.UserName.Length > 0)
            await client.AuthenticateAsync(settings.UserName, settings.Password, ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(true, ct);
    }
}

public sealed record SmtpSettings(string Host, int Port, string UserName, string Password, string From, SecureSocketOptions Security)
{
    public static SmtpSettings Read(IConfiguration configuration)
    {
        var s = configuration.GetSection("Outbox:Smtp");
        var host = s["Host"] ?? throw new InvalidOperationException("配置项 Outbox:Sender 为 Smtp 时，须设置 Outbox:Smtp:Host。");
        var from = s["From"] ?? throw new InvalidOperationException("配置项 Outbox:Sender 为 Smtp 时，须设置 Outbox:Smtp:From（发件地址）。");
        var security = Enum.TryParse<SecureSocketOptions>(s["Security"] ?? "StartTls", true, out var parsed) ? parsed
            : throw new InvalidOperationException($"配置项 Outbox:Smtp:Security 有误：{s["Security"]}（可选 StartTls、SslOnConnect、None）。");
        return new SmtpSettings(host, s.GetValue("Port", 587), s["UserName"] ?? "", s["Password"] ?? "", from, security);
    }
}
