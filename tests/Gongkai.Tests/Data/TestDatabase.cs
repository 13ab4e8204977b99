using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Tests.Data;

/// <summary>
/// A fresh database for one test, built by running the migrations: a SQLite file always, or a new PostgreSQL
/// database on the server named by GONGKAI_TEST_POSTGRES. Without that variable PostgreSQL tests are skipped,
/// except under CI=true, where they fail.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly TheoryData<DatabaseProvider> Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private readonly string? sqliteFolder;
    private readonly string? postgresServer;

    private readonly string searchFolder = Directory.CreateTempSubdirectory("gongkai-search-").FullName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresServer)
    {
        Provider = provider;
        this.sqliteFolder = sqliteFolder;
        this.postgresServer = postgresServer;
        Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Gongkai"] = connectionString,
            ["Search:IndexPath"] = searchFolder,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddGongkaiData();
        services.AddStaffIdentityCore();
        services.AddUnits().AddAccounts().AddApplications().AddCatalog().AddCases().AddReports().AddOutbox().AddLetters().AddParticipation().AddSiteCheck().AddDemo();
        services.AddSingleton<TimeProvider>(Clock);
        Services = services.BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The configuration that points the web app or the CLI at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public ServiceProvider Services { get; }

    /// <summary>The clock the use cases see; the web app of a <see cref="Web.WebApp"/> uses it too.</summary>
    public TestClock Clock { get; } = new();

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <param name="schema">Run the migrations (and the demo seed when <paramref name="demo"/>).</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool schema = true, bool demo = true)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("gongkai-test-").FullName;
            db = new TestDatabase(provider, DatabaseSettings.SqliteFile(Path.Combine(folder, "data", "gongkai.db")), folder, null);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(server))
            {
                if (Environment.GetEnvironmentVariable("CI") == "true")
                    Assert.Fail("CI=true but GONGKAI_TEST_POSTGRES is not set: the PostgreSQL tests must run in CI.");
                Assert.Skip("GONGKAI_TEST_POSTGRES is not set; PostgreSQL tests skipped (see README).");
            }
            var name = "gongkai_t_" + Guid.NewGuid().ToString("N")[..12];
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            db = new TestDatabase(provider, connection, null, server);
        }
        if (schema)
        {
            await using var scope = db.Scope();
            await db.Get<MigrateDatabase>(scope).HandleAsync();
            if (demo)
                await db.Get<SeedDemoData>(scope).HandleAsync();
        }
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        DeleteQuietly(searchFolder);
        if (sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            DeleteQuietly(sqliteFolder);
        }
        if (postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(Settings["ConnectionStrings:Gongkai"]).Database;
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            // FORCE cannot end a server process of another role (an autovacuum worker that just started on the database):
            // it is gone a moment later.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
                {
                    await Task.Delay(250);
                }
            }
        }
    }

    /// <summary>Removes a temporary folder; a file a closing index writer is still finishing must not fail the test.</summary>
    private static void DeleteQuietly(string folder)
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }
}
