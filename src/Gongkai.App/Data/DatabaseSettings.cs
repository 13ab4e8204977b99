using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Data;

public enum DatabaseProvider
{
    /// <summary>The embedded default: a file under <c>./data/</c> of the working directory.</summary>
    Sqlite,

    /// <summary>Production: <c>Database:Provider=Postgres</c> and <c>ConnectionStrings:Gongkai</c>.</summary>
    Postgres,
}

/// <summary>Which database the web app and the CLI open; both read it from the same configuration keys.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "data/gongkai.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        if (!Enum.TryParse<DatabaseProvider>(string.IsNullOrWhiteSpace(providerText) ? "Sqlite" : providerText, true, out var provider))
            throw new InvalidOperationException($"配置项 Database:Provider 的值“{providerText}”无效，应为 Sqlite 或 Postgres。");
        var connectionString = configuration.GetConnectionString("Gongkai");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("使用 PostgreSQL 时须设置连接字符串 ConnectionStrings:Gongkai。");
        return new(provider, string.IsNullOrWhiteSpace(connectionString) ? SqliteFile(DefaultSqliteFile) : connectionString);
    }

    /// <summary>A SQLite connection string for a file, relative paths taken from the working directory.</summary>
    public static string SqliteFile(string path) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = true, DefaultTimeout = 30 }.ToString();

    /// <summary>Where the SQLite file lives, so its folder can be created before first use.</summary>
    public string? SqliteDirectory =>
        Provider == DatabaseProvider.Sqlite ? Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource)) : null;

    /// <summary>Safe to print: the provider and where the data is, without any password.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite：{new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL：{new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString}";
}
