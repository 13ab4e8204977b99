using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongkai.App.Data;

/// <summary>The production database (PostgreSQL through Npgsql). Migrations in Data/Postgres/Migrations.</summary>
public sealed class PostgresGongkaiDb(DbContextOptions<PostgresGongkaiDb> options) : GongkaiDb(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGongkaiDb>
{
    public PostgresGongkaiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGongkaiDb>().UseNpgsql("Host=localhost;Database=gongkai_design").Options);
}
