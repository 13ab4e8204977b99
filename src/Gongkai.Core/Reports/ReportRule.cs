namespace Gongkai.Core.Reports;

/// <summary>What a check reads: the form's layout (to name cells), this year's figures and, when given, last year's.</summary>
public sealed record ReportCheckInput(ReportLayout Layout, ReportFigures Figures, ReportFigures? LastYear = null)
{
    public ReportForm Form => Layout.Form;

    public string Describe(string key) => Layout.Describe(key);
}

/// <summary>One data-logic check (勾稽关系, domain §5).</summary>
/// <param name="Id">Stable id, reported in every finding and used to record an override.</param>
/// <param name="Title">What the rule states, in Chinese.</param>
/// <param name="Forms">The forms whose tables the rule reads.</param>
public sealed record ReportRule(string Id, string Title, IReadOnlyList<ReportForm> Forms, Func<ReportCheckInput, IEnumerable<Finding>> Check)
{
    public bool AppliesTo(ReportForm form) => Forms.Contains(form);

    public IEnumerable<Finding> Run(ReportCheckInput input) => AppliesTo(input.Form) ? Check(input) : [];
}
