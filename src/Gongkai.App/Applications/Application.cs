using Gongkai.App.Units;
using Gongkai.Core.Applications;

namespace Gongkai.App.Applications;

/// <summary>
/// A disclosure application (政府信息公开申请). What the applicant asked is stored as given; everything that happened
/// since is in <see cref="Log"/>. <see cref="State"/>, <see cref="ReceivedOn"/>, <see cref="DueOn"/>,
/// <see cref="AnsweredOn"/> and <see cref="Outcome"/> are copies of what the log replays to, kept for sorting and
/// counting; only <see cref="ApplicationLog"/> writes them.
/// </summary>
public class Application : Units.IUnitOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The unguessable code the applicant tracks the application with at /ysqgk/track.</summary>
    public string TrackingCode { get; set; } = "";
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public SubmissionChannel Channel { get; set; }
    public DateTime CreatedAt { get; set; }

    public ApplicantKind ApplicantKind { get; set; }
    public string ApplicantName { get; set; } = "";

    /// <summary>For an organisation: the person who handles the application (联系人).</summary>
    public string ContactPerson { get; set; } = "";
    public IdDocumentType IdType { get; set; }
    public string IdNumber { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Address { get; set; } = "";
    public string PostalCode { get; set; } = "";

    /// <summary>所需政府信息的名称、文号或者便于查询的其他特征性描述 (第二十九条第（二）项).</summary>
    public string Description { get; set; } = "";
    public InformationForm Form { get; set; }
    public DeliveryMethod Delivery { get; set; }

    public ApplicationState State { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public Outcome? Outcome { get; set; }

    public List<ApplicationLogEntry> Log { get; set; } = [];
    public List<ApplicationDocument> Documents { get; set; } = [];
}

/// <summary>One entry of an application's append-only log: who did what, on which legal date, when, and why.</summary>
public class ApplicationLogEntry
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int Sequence { get; set; }
    public ApplicationEventKind Kind { get; set; }

    /// <summary>The day the step counts from in law (the receipt day, the day the notice went out …).</summary>
    public DateOnly Date { get; set; }

    /// <summary>When it was written down (UTC).</summary>
    public DateTime RecordedAt { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>Why, or what was told to the applicant: the reasons of an answer, what to correct, whom was consulted.</summary>
    public string Note { get; set; } = "";
    public Outcome? Outcome { get; set; }

    /// <summary>Working days of an extension.</summary>
    public int? Days { get; set; }

    /// <summary>The fee of a fee notice, in 元.</summary>
    public decimal? Amount { get; set; }

    /// <summary>Who approved an extension (政府信息公开工作机构负责人), or the third party / unit consulted.</summary>
    public string Party { get; set; } = "";

    /// <summary>A deadline set for the applicant: the correction period (补正期限) or the payment deadline.</summary>
    public DateOnly? Until { get; set; }

    /// <summary>For the office only, never printed on a notice: e.g. that a 补正 notice went out later than 第三十条 allows.</summary>
    public string Remark { get; set; } = "";

    /// <summary>For a transfer: the unit it went to.</summary>
    public Guid? ToUnitId { get; set; }

    public ApplicationEvent ToEvent() => new(Kind, Date) { Outcome = Outcome, Days = Days };
}

/// <summary>A document released with an answer (the information provided).</summary>
public class ApplicationDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public long LogEntryId { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>The type its content is (<see cref="ReleasedDocument.Type"/>); rows stored before may hold what a browser claimed, which is never served.</summary>
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];

    /// <summary>What in a PDF would run by itself; released only with the officer's confirmation, shown on the list.</summary>
    public Core.Catalog.ActiveContent ActiveContent { get; set; }
}
