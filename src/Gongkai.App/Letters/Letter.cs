using Gongkai.App.Units;
using Gongkai.Core.Letters;

namespace Gongkai.App.Letters;

/// <summary>Which way a letter came in: a unit's mailbox, or the website-error channel (我为政府网站找错).</summary>
public enum LetterChannel
{
    /// <summary>领导信箱 / 留言.</summary>
    Mailbox,
    /// <summary>我为政府网站找错.</summary>
    SiteError,
}

/// <summary>
/// A public letter (来信) to a mailbox, or a report of a website error. What the writer sent is stored as given; every
/// step since is in <see cref="Log"/>. <see cref="State"/>, <see cref="DueOn"/>, <see cref="AnsweredOn"/>,
/// <see cref="Rating"/> and the other copies are what the log replays to, kept for lists and statistics; only
/// <see cref="LetterLog"/> writes them. <see cref="Unit"/> is the unit handling it now (the mailbox's unit until 交办).
/// </summary>
public class Letter : IUnitOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>信件编号: the arrival day and its order that day (202612070003), printed on the receipt and published letters.</summary>
    public string Number { get; set; } = "";

    /// <summary>查询码: the writer's private key to the letter (<see cref="Tracking.TrackingCode"/>).</summary>
    public string QueryCode { get; set; } = "";

    public LetterChannel Channel { get; set; }

    /// <summary>The unit whose mailbox received it (for the error channel: the top unit, which runs the site).</summary>
    public Guid MailboxUnitId { get; set; }
    public Unit MailboxUnit { get; set; } = null!;

    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;

    public LetterType Type { get; set; }
    public string Subject { get; set; } = "";
    public string Content { get; set; } = "";

    /// <summary>For 找错: the address of the page with the error.</summary>
    public string PageUrl { get; set; } = "";

    public string WriterName { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public bool PublishConsent { get; set; }

    /// <summary>The content reduced to its characters (<see cref="Core.Letters.LetterRequest.Fingerprint"/>), to refuse 一信多投.</summary>
    public string Fingerprint { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public LetterState State { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public bool Extended { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public bool AnsweredOnTime { get; set; }

    /// <summary>Working days from arrival to answer (<see cref="LetterClock.WorkingDaysToAnswer"/>), for the statistics' average; null until answered.</summary>
    public int? AnswerWorkingDays { get; set; }
    public LetterRating? Rating { get; set; }
    public RoutingClass? Routing { get; set; }

    /// <summary>The answer as sent to the writer (the last approved answer).</summary>
    public string Answer { get; set; } = "";

    /// <summary>公开选登: the published text, screened for personal data and edited by the office; shown with the name masked.</summary>
    public bool Published { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string PublishedSubject { get; set; } = "";
    public string PublishedContent { get; set; } = "";
    public string PublishedAnswer { get; set; } = "";

    public List<LetterLogEntry> Log { get; set; } = [];
    public List<LetterAttachment> Attachments { get; set; } = [];
}

/// <summary>One step of a letter's append-only log: who, when, what, why.</summary>
public class LetterLogEntry
{
    public long Id { get; set; }
    public Guid LetterId { get; set; }
    public int Sequence { get; set; }
    public LetterEventKind Kind { get; set; }

    /// <summary>The day the step counts from (the arrival day, the answer day …).</summary>
    public DateOnly Date { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>Why, or what was said: the answer's text, the reason of an invalid letter or an extension, a reminder.</summary>
    public string Note { get; set; } = "";
    public int? Days { get; set; }
    public LetterRating? Rating { get; set; }
    public InvalidReason? InvalidReason { get; set; }
    public TransferChannel? TransferChannel { get; set; }
    public RoutingClass? Routing { get; set; }

    /// <summary>For 交办: the unit it went to; for 回退: the unit that gave it back.</summary>
    public Guid? ToUnitId { get; set; }

    /// <summary>For 转出: the channel or government it went to, by name.</summary>
    public string Party { get; set; } = "";

    public LetterEvent ToEvent() => new(Kind, Date) { Days = Days, Rating = Rating };
}

/// <summary>A file with a letter: from the writer (images, PDF) or with an answer.</summary>
public class LetterAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LetterId { get; set; }

    /// <summary>The answer step it went out with; null for the writer's own files.</summary>
    public long? LogEntryId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>A unit's mailbox (市长信箱、局长信箱、区长信箱): units choose whether they have one.</summary>
public class Mailbox
{
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public string Name { get; set; } = "";

    /// <summary>What the mailbox is for and what it does not take (信访、举报 go elsewhere), shown on its writing page.</summary>
    public string Introduction { get; set; } = "";
    public bool IsOpen { get; set; } = true;
    public int SortOrder { get; set; }
}

/// <summary>
/// What a writer did after being shown published answers and catalog items like their question, before sending: the
/// statistics count how often they stopped there (问题已解决，不再提交).
/// </summary>
public class LetterSuggestionOutcome
{
    public long Id { get; set; }
    public Guid MailboxUnitId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>True when the writer stopped after the suggestions; false when they sent the letter anyway.</summary>
    public bool Stopped { get; set; }
}
