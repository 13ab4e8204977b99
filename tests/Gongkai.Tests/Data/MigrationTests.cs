using Gongkai.App.Data;
using Gongkai.App.Demo;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Data;

public class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_should_cover_every_model_change()
    {
        using var db = new SqliteGongkaiDb(new DbContextOptionsBuilder<SqliteGongkaiDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite migration set lacks a model change.");
    }

    [Fact]
    public void Postgres_migrations_should_cover_every_model_change()
    {
        using var db = new PostgresGongkaiDb(new DbContextOptionsBuilder<PostgresGongkaiDb>().UseNpgsql("Host=localhost").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the PostgreSQL migration set lacks a model change.");
    }

    [Fact]
    public void Both_sets_should_hold_the_same_migrations()
    {
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        using var sqlite = new SqliteGongkaiDb(new DbContextOptionsBuilder<SqliteGongkaiDb>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresGongkaiDb(new DbContextOptionsBuilder<PostgresGongkaiDb>().UseNpgsql("Host=localhost").Options);
        Assert.Equal(Names(sqlite), Names(postgres));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrating_a_new_database_should_build_the_schema_and_seeding_twice_should_add_nothing(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, demo: false);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(Core.Accounts.StaffRole.All.Count, await db.Roles.CountAsync());

        var seed = test.Get<SeedDemoData>(scope);
        var added = await seed.HandleAsync();
        Assert.Equal(0, await seed.HandleAsync());
        Assert.Equal(added, await db.Units.CountAsync());
        Assert.Equal(3, await db.Units.CountAsync(u => u.ParentId != null && u.Kind == Core.Units.UnitKind.Government));
    }
}
