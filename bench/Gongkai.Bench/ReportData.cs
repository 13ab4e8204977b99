using Gongkai.App.Tracking;
using System.Diagnostics;
using Gongkai.App.Applications;
using Gongkai.App.Cases;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Applications;
using Gongkai.Core.Cases;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Bench;

/// <summary>
/// The data of the report benchmark (<see cref="ReportBench"/>): a city's unit tree, its applications of the report year
/// and the year before, review cases against some refusals, and a catalog of several years — written straight into the
/// database with <see cref="BulkInsert{T}"/>, the same for the same sizes (fixed seed; only the generated ids differ).
/// Catalog items get their rows only (no log, no search index): the report reads nothing else.
/// </summary>
internal sealed partial class ReportData(GongkaiDb db, ReportData.Sizes sizes)
{
    /// <param name="BodyChars">Mean length of a catalog item's body (uniform from 0.2× to 1.8×); the demo catalog's are 300–3,000.</param>
    public sealed record Sizes(int Units, int Applications, int Items, int Cases, int Year, int BodyChars)
    {
        /// <summary>Stored in the top unit once everything is written: a database holding it has exactly this data.</summary>
        public string Signature =>
            $"https://bench.example/report?v=1&units={Units}&applications={Applications}&items={Items}&cases={Cases}&year={Year}&body={BodyChars}";
    }

    /// <summary>The top unit's code (a valid 统一社会信用代码, unlike any of the demo city's).</summary>
    public static string TopCode => CodeFor(0, "990100");

    private readonly Random random = new(20190515);   // 国务院令第711号 took effect on 2019-05-15

    public async Task GenerateAsync()
    {
        var watch = Stopwatch.StartNew();
        var units = Units();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            using (var rows = new BulkInsert<Unit>(db))
            {
                foreach (var unit in units)
                    await rows.AddAsync(unit.Row);
                await rows.FlushAsync();
            }
            Progress($"{units.Count:N0} units", watch);
            var refusals = await ApplicationsAsync(units, watch);
            await CasesAsync(refusals, watch);
            await transaction.CommitAsync();
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await CatalogAsync(units, watch);
            // Last: a database with the signature is complete.
            var top = units[0].Row.Id;
            await db.Units.Where(u => u.Id == top).ExecuteUpdateAsync(s => s.SetProperty(u => u.WebContact, sizes.Signature));
            await transaction.CommitAsync();
        }
        Progress("committed", watch);
    }

    private static void Progress(string what, Stopwatch watch) => Console.Error.WriteLine($"  {watch.Elapsed.TotalSeconds,6:0.0} s  {what}");

    // --- Units: 市政府 → 市直部门 and 区县政府 → 区县部门 and 乡镇街道 (three levels) ---------------------------------------

    private sealed record GeneratedUnit(Unit Row, double Weight);

    private static readonly string[] Bureaus =
    [
        "发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
        "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化广电旅游局",
        "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "城市管理局",
        "林业局", "体育局", "信访局", "行政审批服务局", "数据资源管理局", "机关事务管理局", "人民防空办公室", "地方金融管理局",
        "粮食和物资储备局", "民族宗教事务局", "外事办公室", "国有资产监督管理委员会", "投资促进局", "乡村振兴局", "档案局",
    ];

    private static readonly string[] Places =
    [
        "映月", "松涛", "鹿鸣", "临江", "青石", "凤栖", "白沙", "金桥", "云岭", "梅溪", "长亭", "望湖", "星桥", "竹溪", "石门",
        "白鹭", "桃源", "柳岸", "清泉", "龙泉", "北塘", "南湖", "东坝", "西岭", "丰乐", "安宁", "永兴", "和平", "新华", "光明",
    ];

    private List<GeneratedUnit> Units()
    {
        var n = Math.Max(1, sizes.Units);
        var districts = n < 4 ? 0 : Math.Max(1, (int)Math.Round(n / 45.0));
        var cityBureaus = Math.Min(n - 1 - districts, Math.Max(districts == 0 ? n - 1 : 1, (int)Math.Round(n * 0.08)));
        var units = new List<GeneratedUnit>(n);
        GeneratedUnit Add(Unit? parent, string region, string fullName, string shortName, UnitKind kind, double weight)
        {
            var i = units.Count;
            var unit = new Unit
            {
                ParentId = parent?.Id,
                SortOrder = i,
                Code = CodeFor(i, region),
                FullName = fullName,
                ShortName = shortName.Length > 30 ? shortName[..30] : shortName,
                Kind = kind,
                OfficeName = $"{fullName}办公室",
                OfficeAddress = $"青岚市{Places[i % Places.Length]}路 {i + 1} 号",
                PostalCode = $"99{i % 10000:D4}",
                OfficeHours = "工作日 上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）",
                Phone = $"0000-8{i:D7}",
                Fax = "",
                WebContact = "",
            };
            unit.Path = UnitPath.Of(parent?.Path, unit.Id);
            var generated = new GeneratedUnit(unit, weight * Math.Exp(random.NextDouble() * 1.6 - 0.8));
            units.Add(generated);
            return generated;
        }
        static string Numbered(string name, int i, int count) => i < count ? name : $"{name}{i / count + 1}";

        var city = Add(null, "990100", "青岚市人民政府", "青岚市政府", UnitKind.Government, 4).Row;
        for (var b = 0; b < cityBureaus; b++)
        {
            var bureau = Numbered(Bureaus[b % Bureaus.Length], b, Bureaus.Length);
            Add(city, "990100", $"青岚市{bureau}", $"市{bureau}", UnitKind.Department, 2);
        }
        var below = n - units.Count - districts;
        var district = new List<Unit>();
        for (var d = 0; d < districts; d++)
        {
            var place = Numbered(Places[d % Places.Length], d, Places.Length);
            district.Add(Add(city, $"9901{d + 2:D2}", $"青岚市{place}区人民政府", $"{place}区政府", UnitKind.Government, 2.5).Row);
        }
        for (var d = 0; d < districts; d++)
        {
            var parent = district[d];
            var share = below / districts + (d < below % districts ? 1 : 0);
            var bureaus = (int)Math.Round(share * 0.6);
            var region = parent.Code.Substring(2, 6);
            var place = parent.ShortName[..^3];
            for (var b = 0; b < share; b++)
            {
                if (b < bureaus)
                {
                    var bureau = Numbered(Bureaus[b % Bureaus.Length], b, Bureaus.Length);
                    Add(parent, region, $"青岚市{place}区{bureau}", $"{place}区{bureau}", UnitKind.Department, 1);
                }
                else
                {
                    var town = Numbered(Places[(b - bureaus + d * 7) % Places.Length], b - bureaus, Places.Length);
                    var street = b % 3 == 0;
                    Add(parent, region, street ? $"青岚市{place}区{town}街道办事处" : $"青岚市{place}区{town}镇人民政府",
                        street ? $"{town}街道" : $"{town}镇", UnitKind.Township, 0.5);
                }
            }
        }
        return units;
    }

    // 统一社会信用代码 of a 机关: 11 + region + 组织机构代码 (RB + serial) + check characters.
    private static string CodeFor(int i, string region)
    {
        var organisationBody = $"RB{i:D6}";
        var body = "11" + region + organisationBody + OrganisationCode.OrganisationCheckCharacter(organisationBody);
        return body + OrganisationCode.CreditCheckCharacter(body);
    }

    // --- Applications: received over the report year and the year before ---------------------------------------------

    private static readonly (ApplicantKind Kind, double Weight)[] Kinds =
    [
        (ApplicantKind.NaturalPerson, 88), (ApplicantKind.Commercial, 6), (ApplicantKind.Research, 0.5),
        (ApplicantKind.PublicWelfare, 0.5), (ApplicantKind.LegalServices, 3), (ApplicantKind.OtherOrganisation, 2),
    ];

    private static readonly (Outcome Outcome, double Weight)[] Outcomes =
    [
        (Outcome.AlreadyPublic, 8), (Outcome.Provided, 35), (Outcome.PartiallyDisclosed, 10), (Outcome.StateSecret, 0.3),
        (Outcome.ProhibitedByLaw, 0.7), (Outcome.EndangersSecurityOrStability, 0.3), (Outcome.ThirdPartyRights, 2),
        (Outcome.InternalAffairs, 1.5), (Outcome.ProcessInformation, 2), (Outcome.EnforcementCaseFile, 0.7),
        (Outcome.AdministrativeQuery, 1.5), (Outcome.NotHeld, 20), (Outcome.NeedsCreation, 2), (Outcome.UnclearAfterCorrection, 1.5),
        (Outcome.PetitionOrComplaint, 3), (Outcome.RepeatedApplication, 2), (Outcome.PublishedMaterial, 0.3),
        (Outcome.ExcessiveApplications, 1), (Outcome.ConfirmOrReissue, 1), (Outcome.CorrectionOverdue, 4), (Outcome.FeeUnpaid, 0.5),
        (Outcome.OtherHandling, 2),
    ];

    private static readonly string[] Subjects =
    [
        "房屋征收补偿方案", "建设工程规划许可证", "土地出让合同", "环境影响评价报告", "财政预算执行情况", "行政处罚决定书",
        "政府采购合同", "道路改造工程立项批复", "学校划片招生方案", "低保资格认定材料", "医保基金使用情况", "拆迁安置人员名单",
    ];

    private sealed record Refusal(Guid Id, Guid UnitId, DateOnly AnsweredOn);

    private async Task<List<Refusal>> ApplicationsAsync(List<GeneratedUnit> units, Stopwatch watch)
    {
        var pickUnit = Picker(units.Select(u => u.Weight).ToArray());
        var pickKind = Picker(Kinds.Select(k => k.Weight).ToArray());
        var pickOutcome = Picker(Outcomes.Select(o => o.Weight).ToArray());
        var (firstDay, lastDay) = (new DateOnly(sizes.Year - 1, 1, 1), new DateOnly(sizes.Year, 12, 31));
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        var refusals = new List<Refusal>();
        using var rows = new BulkInsert<Application>(db);
        for (var n = 1; n <= sizes.Applications; n++)
        {
            var unit = units[pickUnit()].Row;
            var kind = Kinds[pickKind()].Kind;
            DateOnly? received;
            DateOnly? answered;
            var roll = random.NextDouble();
            if (roll < 0.03)
            {
                // Received late in the year before and answered in the report year (上年结转), on top of those whose
                // ordinary answering time crosses 1 January.
                received = new DateOnly(sizes.Year - 1, 11, 1).AddDays(random.Next(61));
                answered = new DateOnly(sizes.Year, 1, 2).AddDays(random.Next(50));
            }
            else if (roll < 0.032)
            {
                received = null;   // submitted online, never confirmed: not received, not counted
                answered = null;
            }
            else
            {
                received = firstDay.AddDays(random.Next(days));
                var lag = random.Next(100) switch { < 15 => random.Next(0, 5), < 75 => random.Next(5, 21), < 95 => random.Next(21, 41), _ => random.Next(41, 70) };
                answered = received.Value.AddDays(lag);
                if (answered > lastDay && random.Next(10) == 0)
                    answered = null;   // still open
            }
            var outcome = answered is null ? (Outcome?)null : Outcomes[pickOutcome()].Outcome;
            var person = kind == ApplicantKind.NaturalPerson;
            var application = new Application
            {
                TrackingCode = TrackingCode.New(),
                UnitId = unit.Id,
                Channel = (SubmissionChannel)random.Next(5),
                CreatedAt = (received ?? firstDay.AddDays(random.Next(days))).ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc),
                ApplicantKind = kind,
                ApplicantName = person ? $"申请人{n}" : $"青岚{Places[n % Places.Length]}{n}有限公司",
                ContactPerson = person ? "" : $"联系人{n}",
                IdType = person ? IdDocumentType.ResidentIdCard : IdDocumentType.CreditCode,
                IdNumber = person ? $"99010119{70 + n % 30}0101{n % 1000:D3}X" : $"9199{n:D14}",
                Phone = $"139{n:D8}",
                Email = "",
                Address = $"青岚市{Places[n % Places.Length]}路 {n % 300 + 1} 号",
                PostalCode = "999100",
                Description = $"申请公开{unit.ShortName}{Subjects[n % Subjects.Length]}（{(received ?? firstDay).Year} 年）。",
                Form = (InformationForm)random.Next(2),
                Delivery = (DeliveryMethod)random.Next(5),
                State = received is null ? ApplicationState.AwaitingConfirmation : answered is null ? ApplicationState.InProgress : ApplicationState.Answered,
                ReceivedOn = received,
                DueOn = received?.AddDays(28),
                AnsweredOn = answered,
                Outcome = outcome,
            };
            await rows.AddAsync(application);
            if (outcome is { } o && o.Info().Category is not OutcomeCategory.Disclosed and not OutcomeCategory.Other)
                refusals.Add(new(application.Id, application.UnitId, answered!.Value));
            if (n % 20_000 == 0)
                Progress($"{n:N0} applications", watch);
        }
        await rows.FlushAsync();
        Progress($"{sizes.Applications:N0} applications", watch);
        return refusals;
    }

    // --- Review cases against some refusals ----------------------------------------------------------------------------

    private async Task CasesAsync(List<Refusal> refusals, Stopwatch watch)
    {
        if (refusals.Count == 0)
            return;
        var cutoff = new DateOnly(sizes.Year + 1, 3, 31);   // "today": the report is compiled in the first quarter
        using var rows = new BulkInsert<ReviewCase>(db);
        for (var n = 1; n <= sizes.Cases; n++)
        {
            var refusal = refusals[random.Next(refusals.Count)];
            var kind = random.Next(100) switch { < 60 => CaseKind.Reconsideration, < 85 => CaseKind.DirectSuit, _ => CaseKind.SuitAfterReconsideration };
            var party = kind == CaseKind.SuitAfterReconsideration && random.Next(3) == 0 ? CaseParty.ReconsiderationBody : CaseParty.AnsweringUnit;
            var coDefendant = kind == CaseKind.SuitAfterReconsideration && random.Next(4) > 0;
            var filed = refusal.AnsweredOn.AddDays(random.Next(10, 55));
            DateOnly? decided = filed.AddDays(kind == CaseKind.Reconsideration ? random.Next(30, 70) : random.Next(60, 240));
            if (decided > cutoff)
                decided = null;
            var result = decided is null ? CaseResult.Pending
                : random.Next(100) switch { < 72 => CaseResult.Upheld, < 88 => CaseResult.Corrected, _ => CaseResult.Other };
            var at = filed.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            await rows.AddAsync(new ReviewCase
            {
                UnitId = refusal.UnitId,
                ApplicationId = refusal.Id,
                Kind = kind,
                Party = party,
                CaseNumber = kind == CaseKind.Reconsideration ? $"青复决字〔{filed.Year}〕{n}号" : $"（{filed.Year}）青01{random.Next(2, 4):D2}行初{n}号",
                ReviewingBody = kind == CaseKind.Reconsideration ? "青岚市人民政府" : "青岚市映月区人民法院",
                FiledOn = filed,
                DecidedOn = decided,
                Result = result,
                ReconsiderationBodyIsCoDefendant = coDefendant,
                Counted = CaseCounting.CountsFor(party, kind, coDefendant),
                Note = "",
                CreatedAt = at,
                UpdatedAt = at,
            });
        }
        await rows.FlushAsync();
        Progress($"{sizes.Cases:N0} review cases", watch);
    }

    // --- Catalog: published over several years, in publication order ----------------------------------------------------

    /// <summary>Draws indexes with the given weights.</summary>
    private Func<int> Picker(double[] weights)
    {
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
            cumulative[i] = sum += weights[i];
        return () =>
        {
            var i = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            return Math.Min(weights.Length - 1, i < 0 ? ~i : i);
        };
    }
}
