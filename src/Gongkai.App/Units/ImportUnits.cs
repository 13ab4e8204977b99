using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Gongkai.App.Data;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Units;

/// <summary>
/// `gongkai units import FILE.csv`: adds units from a UTF-8 CSV file. Every row is checked first; if any row is
/// wrong nothing is written and every bad row is reported with its line number. Columns (English or Chinese header):
/// code/代码, parent_code/上级代码, full_name/全称, short_name/简称, kind/类型, office_name/公开工作机构,
/// office_address/办公地址, postal_code/邮政编码, office_hours/办公时间, phone/联系电话, fax/传真号码,
/// web_contact/互联网联系方式. A parent may be an existing unit or another row of the file.
/// </summary>
public sealed class ImportUnits(GongkaiDb db)
{
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["code"] = "代码",
        ["parent_code"] = "上级代码",
        ["full_name"] = "全称",
        ["short_name"] = "简称",
        ["kind"] = "类型",
        ["office_name"] = "公开工作机构",
        ["office_address"] = "办公地址",
        ["postal_code"] = "邮政编码",
        ["office_hours"] = "办公时间",
        ["phone"] = "联系电话",
        ["fax"] = "传真号码",
        ["web_contact"] = "互联网联系方式",
    };

    private static readonly string[] Required = ["code", "full_name", "short_name", "kind"];

    private sealed record Row(int Line, UnitDetails Details, string ParentCode);

    public async Task<Outcome<int>> HandleAsync(TextReader csv, CancellationToken ct = default)
    {
        var (rows, problems) = Read(csv);
        if (problems.Count > 0)
            return Outcome<int>.Invalid(problems);

        var existing = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        var inFile = new Dictionary<string, Row>();
        foreach (var row in rows)
        {
            var code = OrganisationCode.Parse(row.Details.Code).Value;
            if (existing.TryGetValue(code, out var unit))
                problems.Add(new("code", $"代码 {code} 已有单位“{unit.FullName}”。", row.Line));
            else if (!inFile.TryAdd(code, row))
                problems.Add(new("code", $"代码 {code} 与第 {inFile[code].Line} 行重复。", row.Line));
        }
        foreach (var row in inFile.Values.Where(r => r.ParentCode != ""))
        {
            if (!OrganisationCode.TryParse(row.ParentCode, out var parent, out var error))
                problems.Add(new("parent_code", error!, row.Line));
            else if (!existing.ContainsKey(parent!.Value) && !inFile.ContainsKey(parent.Value))
                problems.Add(new("parent_code", $"上级代码 {parent.Value} 既不是已有单位，也不在本文件中。", row.Line));
        }
        if (problems.Count > 0)
            return Outcome<int>.Invalid(problems);

        var paths = existing.ToDictionary(e => e.Key, e => e.Value);
        var pending = inFile.ToDictionary();
        while (pending.Count > 0)
        {
            var ready = pending.Where(p => ParentCode(p.Value) is not { } parentCode || paths.ContainsKey(parentCode)).ToList();
            if (ready.Count == 0)
            {
                problems.AddRange(pending.Values.Select(r => new Problem("parent_code", "上级关系成环：单位不能是自己的下级。", r.Line)));
                return Outcome<int>.Invalid([.. problems.OrderBy(p => p.Line)]);
            }
            foreach (var (code, row) in ready)
            {
                var parent = ParentCode(row) is { } parentCode ? paths[parentCode] : null;
                var unit = new Unit { ParentId = parent?.Id, SortOrder = row.Line };
                unit.Apply(row.Details);
                unit.Path = UnitPath.Of(parent?.Path, unit.Id);
                db.Units.Add(unit);
                paths[code] = unit;
                pending.Remove(code);
            }
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Done(inFile.Count);
    }

    private static string? ParentCode(Row row) => row.ParentCode == "" ? null : OrganisationCode.Parse(row.ParentCode).Value;

    private static (List<Row>, List<Problem>) Read(TextReader csv)
    {
        var rows = new List<Row>();
        var problems = new List<Problem>();
        using var parser = new CsvParser(csv, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!parser.Read())
            return (rows, [new("", "文件是空的：第一行应为列名。", 1)]);
        var header = parser.Record!.Select(h => Columns.FirstOrDefault(c => c.Key == h.Trim().ToLowerInvariant() || c.Value == h.Trim()).Key).ToArray();
        foreach (var missing in Required.Where(r => !header.Contains(r)))
            problems.Add(new(missing, $"缺少列 {missing}（{Columns[missing]}）。", 1));
        if (problems.Count > 0)
            return (rows, problems);

        while (parser.Read())
        {
            var line = parser.RawRow;
            var record = parser.Record!;
            if (record.All(string.IsNullOrWhiteSpace))
                continue;
            string Get(string column) => Array.IndexOf(header, column) is var i and >= 0 && i < record.Length ? record[i].Trim() : "";
            var kind = UnitKinds.Parse(Get("kind"));
            if (kind is null)
                problems.Add(new("kind", $"单位类型“{Get("kind")}”无效，应为 人民政府、政府工作部门、乡镇（街道）或 其他。", line));
            var details = new UnitDetails
            {
                Code = Get("code"),
                FullName = Get("full_name"),
                ShortName = Get("short_name"),
                Kind = kind ?? UnitKind.Other,
                OfficeName = Get("office_name"),
                OfficeAddress = Get("office_address"),
                PostalCode = Get("postal_code"),
                OfficeHours = Get("office_hours"),
                Phone = Get("phone"),
                Fax = Get("fax"),
                WebContact = Get("web_contact"),
            };
            problems.AddRange(details.Problems().Select(p => new Problem(ColumnOf(p.Field), p.Message, line)));
            rows.Add(new Row(line, details, Get("parent_code")));
        }
        if (rows.Count == 0 && problems.Count == 0)
            problems.Add(new("", "文件中没有单位数据。", 2));
        return (rows, problems);
    }

    private static string ColumnOf(string field) =>
        string.Concat(field.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
