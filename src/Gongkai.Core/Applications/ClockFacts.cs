namespace Gongkai.Core.Applications;

/// <summary>Why the clock stands still for a while.</summary>
public enum PauseReason
{
    /// <summary>征求第三方意见 (第三十二条): the third party has 15 working days to answer; the time does not count.</summary>
    ThirdPartyConsultation,

    /// <summary>征求其他机关意见 (第三十四条): 15 working days, silence counts as consent; the time does not count.</summary>
    OtherUnitConsultation,

    /// <summary>
    /// 收费通知 to payment (国办函〔2020〕109号). The text does not say outright whether this time counts; Gongkai follows
    /// the common practice and does not count it (<see cref="ClockRules.FeeNoticePausesClock"/>).
    /// </summary>
    FeeNotice,

    /// <summary>更改、补充 under the 2008 rules (see <see cref="DisclosureRegimes.CorrectionRestartsClock"/>).</summary>
    Correction2008,
}

/// <summary>A stretch during which the clock does not run: working days after <see cref="From"/> up to and including <see cref="Until"/>.</summary>
/// <param name="Until">The day the reply, payment or correction came; null while still waiting.</param>
public sealed record ClockPause(PauseReason Reason, DateOnly From, DateOnly? Until);

/// <summary>What the clock needs to know about one application; everything else about it is irrelevant to the deadline.</summary>
public sealed record ClockFacts(DateOnly Received)
{
    /// <summary>Set to apply a regime other than the one the receipt date gives.</summary>
    public DisclosureRegime? Regime { get; init; }

    /// <summary>The day the 补正告知书 went out.</summary>
    public DateOnly? CorrectionRequested { get; init; }

    /// <summary>The day the corrected application arrived.</summary>
    public DateOnly? CorrectionReceived { get; init; }

    public IReadOnlyList<ClockPause> Pauses { get; init; } = [];

    /// <summary>Working days added by the one extension (延期); 0 when not extended.</summary>
    public int ExtensionDays { get; init; }

    public DisclosureRegime EffectiveRegime => Regime ?? DisclosureRegimes.For(Received);
}

/// <summary>The named conventions where the law leaves room; each is one constant a deployment could change.</summary>
public static class ClockRules
{
    /// <summary>Time from a fee notice to payment does not count toward the answer deadline (common practice; 109号 is silent).</summary>
    public const bool FeeNoticePausesClock = true;

    /// <summary>第三十二条、第三十四条: a consultation pauses the clock for at most 15 working days.</summary>
    public const int ConsultationDays = 15;

    /// <summary>109号: the applicant pays within 20 working days from the day after the fee notice, or is deemed to abandon.</summary>
    public const int FeePaymentDays = 20;

    /// <summary>Applications due within this many working days are flagged 即将到期.</summary>
    public const int DueSoonDays = 5;
}
