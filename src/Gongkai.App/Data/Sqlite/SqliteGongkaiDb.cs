using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongkai.App.Data;

/// <summary>The embedded default: one SQLite file under <c>./data/</c>. Migrations in Data/Sqlite/Migrations.</summary>
public sealed class SqliteGongkaiDb(DbContextOptions<SqliteGongkaiDb> options) : GongkaiDb(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without a running app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGongkaiDb>
{
    public SqliteGongkaiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGongkaiDb>().UseSqlite("Data Source=design-time.db").Options);
}
