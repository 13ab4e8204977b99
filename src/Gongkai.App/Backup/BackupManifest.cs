using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.App.Data;

namespace Gongkai.App.Backup;

/// <summary>
/// manifest.json of a backup file (a zip): what made it and what it holds. Beside it in the zip is the database —
/// <see cref="SqliteEntry"/> (a copy made by SQLite's online backup) or <see cref="PostgresEntry"/> (pg_dump's custom
/// format) — and nothing else: attachments and answer documents are rows of the database.
/// </summary>
/// <param name="Schema">The last migration applied to the backed-up database; a restore refuses one it does not know (a newer Gongkai's).</param>
/// <param name="Database">Where the data came from, without any password.</param>
/// <param name="Configuration">The configuration in force, without secrets (<see cref="PublicConfiguration"/>), for reference on restore.</param>
public sealed record BackupManifest(
    int Format, DatabaseProvider Provider, DateTimeOffset CreatedAt, string Schema, string Database,
    PlatformCounts Counts, IReadOnlyDictionary<string, string?> Configuration)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json", SqliteEntry = "gongkai.db", PostgresEntry = "gongkai.dump";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The zip entry that holds the database.</summary>
    [JsonIgnore]
    public string DatabaseEntry => Provider == DatabaseProvider.Postgres ? PostgresEntry : SqliteEntry;

    public void WriteTo(ZipArchive zip)
    {
        using var stream = zip.CreateEntry(EntryName, CompressionLevel.Optimal).Open();
        JsonSerializer.Serialize(stream, this, Json);
    }

    /// <summary>The manifest of a backup file, or why the file is not one this program can restore.</summary>
    public static (BackupManifest? Manifest, string? Problem) Read(ZipArchive zip)
    {
        if (zip.GetEntry(EntryName) is not { } entry)
            return (null, $"备份文件中没有 {EntryName}：这不是 gongkai db backup 生成的备份。");
        BackupManifest? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
        }
        catch (JsonException e)
        {
            return (null, $"备份清单 {EntryName} 无法读取：{e.Message}");
        }
        if (manifest?.Counts is null)
            return (null, $"备份清单 {EntryName} 不完整。");
        if (manifest.Format > CurrentFormat)
            return (null, $"备份格式版本 {manifest.Format} 比本程序支持的（{CurrentFormat}）新：请先升级 Gongkai。");
        if (zip.GetEntry(manifest.DatabaseEntry) is null)
            return (null, $"备份文件中没有数据库 {manifest.DatabaseEntry}。");
        return (manifest, null);
    }
}
