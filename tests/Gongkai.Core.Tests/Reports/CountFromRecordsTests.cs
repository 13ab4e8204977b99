using Gongkai.Core.Applications;
using Gongkai.Core.Cases;
using Gongkai.Core.Catalog;
using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

/// <summary>Table 三 and table 二 第二十条第（一）项 counted from records, for report year 2023 (国办公开办函〔2021〕30号 form).</summary>
public class CountFromRecordsTests
{
    private static ApplicationFacts App(ApplicantKind who, string received, string? answered = null, Outcome? outcome = null) =>
        new(who, DateOnly.Parse(received), answered is null ? null : DateOnly.Parse(answered), outcome);

    private static readonly ApplicationFacts[] Applications =
    [
        App(ApplicantKind.NaturalPerson, "2022-12-20", "2023-01-10", Outcome.Provided),            // 上年结转, answered this year
        App(ApplicantKind.NaturalPerson, "2022-11-01", "2022-12-01", Outcome.Provided),            // all last year: counts nowhere
        App(ApplicantKind.Commercial, "2023-03-01", "2023-03-20", Outcome.ThirdPartyRights),       // （三）4
        App(ApplicantKind.NaturalPerson, "2023-05-01", "2023-05-15", Outcome.AlreadyPublic),       // （一）
        App(ApplicantKind.LegalServices, "2023-06-01", "2023-06-30", Outcome.FeeUnpaid),          // （六）2
        App(ApplicantKind.NaturalPerson, "2023-12-20"),                                             // 结转下年度
        App(ApplicantKind.Research, "2023-12-25", "2024-01-05", Outcome.NotHeld),                 // answered next year: 结转
        App(ApplicantKind.NaturalPerson, "2024-01-03"),                                             // next year: counts nowhere
    ];

    [Fact]
    public void Table_three_should_count_receipts_carry_over_outcomes_by_answer_date_and_carry_forward_in_every_column()
    {
        var cells = CountFromRecords.Table3(ReportForm.Form2021, 2023, Applications);

        Assert.Equal(5, cells["t3.received.total"]);                    // 一、本年新收
        Assert.Equal(2, cells["t3.received.natural_person"]);
        Assert.Equal(1, cells["t3.carried_over.natural_person"]);       // 二、上年结转
        Assert.Equal(1, cells["t3.carried_over.total"]);
        Assert.Equal(2, cells["t3.outcomes.disclosed.natural_person"]); // （一）: 已主动公开 and 予以公开 both
        Assert.Equal(1, cells["t3.outcomes.withheld.third_party_rights.commercial"]);
        Assert.Equal(1, cells["t3.outcomes.other.fee_unpaid.legal_services"]);
        Assert.Equal(4, cells["t3.outcomes.total.total"]);              // （七）总计
        Assert.Equal(2, cells["t3.carried_forward.total"]);             // 四、结转下年度继续办理
        Assert.Equal(0, cells["t3.outcomes.cannot_provide.not_held.research"]);   // counted next year
        Assert.All(cells.Keys, k => Assert.StartsWith("t3.", k));
    }

    [Fact]
    public void Counted_figures_should_pass_every_check_including_the_carry_over_from_last_year()
    {
        var lastYear = ReportFigures.From(CountFromRecords.Table3(ReportForm.Form2021, 2022, Applications));
        var thisYear = ReportFigures.From(CountFromRecords.Table3(ReportForm.Form2021, 2023, Applications));
        Assert.Empty(ReportChecks.Run(ReportForm.Form2021, thisYear, lastYear));
        Assert.Equal(1, thisYear["t3.carried_over.total"]!.Value.Value);
        Assert.Equal(thisYear["t3.carried_over.total"], lastYear["t3.carried_forward.total"]);
    }

    [Fact]
    public void The_2019_form_should_count_every_other_handling_in_its_single_row()
    {
        var cells = CountFromRecords.Table3(ReportForm.Form2019, 2023, Applications);
        Assert.Equal(1, cells["t3.outcomes.other.legal_services"]);
        Assert.DoesNotContain("t3.outcomes.other.fee_unpaid.legal_services", cells.Keys);
    }

    [Fact]
    public void Table_two_item_one_should_count_issued_revoked_and_in_force_as_things_stood_at_year_end()
    {
        CatalogFacts Item(Genre genre, string published, Validity validity = Validity.InForce, string? repealed = null) =>
            new(genre, DateOnly.Parse(published).AddDays(-5), DateOnly.Parse(published), validity, repealed is null ? null : DateOnly.Parse(repealed));
        var items = new[]
        {
            Item(Genre.NormativeDocument, "2023-02-01"),                                   // 制发, 现行有效
            Item(Genre.NormativeDocument, "2021-02-01", Validity.Revoked, "2023-06-01"),   // 废止 this year
            Item(Genre.NormativeDocument, "2021-02-01", Validity.Revoked, "2024-03-01"),   // revoked later: in force at year end
            Item(Genre.NormativeDocument, "2020-02-01", Validity.InForce, "2022-12-31"),   // expired (失效) before the year
            Item(Genre.Rule, "2023-09-01"),
            Item(Genre.Notice, "2023-09-01"),                                              // not item (一)
            Item(Genre.Rule, "2024-01-02"),                                                // next year
        };
        var cells = CountFromRecords.Table2(ReportForm.Form2021, 2023, items);
        Assert.Equal((1m, 1m, 2m), (cells["t2.normative_documents.issued"], cells["t2.normative_documents.revoked"], cells["t2.normative_documents.in_force"]));
        Assert.Equal((1m, 0m, 1m), (cells["t2.rules.issued"], cells["t2.rules.revoked"], cells["t2.rules.in_force"]));
        Assert.All(cells.Keys, k => Assert.NotNull(ReportLayouts.Form2021.Cell(k)));   // every counted cell is a cell of the form

        var old = CountFromRecords.Table2(ReportForm.Form2019, 2023, items);
        Assert.Equal((1m, 1m, 4m), (old["t2.normative_documents.new_made"], old["t2.normative_documents.new_published"], old["t2.normative_documents.total_public"]));
    }

    [Fact]
    public void Table_four_should_count_each_case_in_the_column_of_its_state_at_year_end()
    {
        CaseFacts Case(CaseKind kind, string filed, string? decided, CaseResult result) =>
            new(kind, DateOnly.Parse(filed), decided is null ? null : DateOnly.Parse(decided), result);
        var cases = new[]
        {
            Case(CaseKind.Reconsideration, "2023-03-01", "2023-05-01", CaseResult.Upheld),
            Case(CaseKind.Reconsideration, "2023-11-01", "2024-02-01", CaseResult.Corrected),   // open at year end: 尚未审结
            Case(CaseKind.DirectSuit, "2023-06-01", null, CaseResult.Pending),
            Case(CaseKind.SuitAfterReconsideration, "2022-06-01", "2023-01-10", CaseResult.Other),
            Case(CaseKind.DirectSuit, "2022-01-01", "2022-12-01", CaseResult.Upheld),       // decided last year: not counted
        };
        var cells = CountFromRecords.Table4(2023, cases);
        Assert.Equal((1m, 1m, 2m), (cells["t4.reconsideration.upheld"], cells["t4.reconsideration.pending"], cells["t4.reconsideration.total"]));
        Assert.Equal((1m, 1m), (cells["t4.litigation.direct.pending"], cells["t4.litigation.direct.total"]));
        Assert.Equal(1m, cells["t4.litigation.after_reconsideration.other"]);
        Assert.Equal(15, cells.Count);
        Assert.Empty(ReportChecks.Run(ReportForm.Form2021, ReportFigures.From(cells)));   // each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结
    }
}
