using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.App.Data;

/// <summary>
/// Writes many rows of one entity type with multi-row INSERT statements, for imports of hundreds of thousands of
/// rows where change tracking would cost more than the writing. Tables, columns and value conversions come from the
/// EF Core model, so a row is stored exactly as <c>SaveChanges</c> would store it, on SQLite and PostgreSQL alike.
/// Runs inside the caller's transaction; store-generated keys (identity columns) are left to the database.
/// </summary>
public sealed class BulkInsert<T> : IBulkInsert, IDisposable where T : class
{
    private readonly IBulkInsert? parent;
    private readonly DbConnection connection;
    private readonly DbTransaction? transaction;
    private readonly string table;
    private readonly List<(IProperty Property, RelationalTypeMapping Mapping)> columns;
    private readonly int rowsPerStatement;
    private readonly List<T> pending;
    private DbCommand? full;

    /// <param name="parent">Rows this table refers to (foreign keys): written first whenever these rows are.</param>
    public BulkInsert(GongkaiDb db, IBulkInsert? parent = null)
    {
        this.parent = parent;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        table = Quote(db, store.Name);
        columns = [.. entity.GetProperties()
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType != typeof(Guid)))
            .Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))];
        // SQLite runs a prepared one-row statement fastest (measured: several rows per statement were slower); PostgreSQL
        // saves round trips with many rows per statement, well under its parameter limit.
        rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, 2000 / columns.Count);
        pending = new(rowsPerStatement);
        connection = db.Database.GetDbConnection();
        transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        columnList = string.Join(", ", columns.Select(c => Quote(db, c.Property.GetColumnName(store)!)));
    }

    private readonly string columnList;

    private static string Quote(GongkaiDb db, string name) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(name);

    public async Task AddAsync(T row, CancellationToken ct = default)
    {
        pending.Add(row);
        if (pending.Count == rowsPerStatement)
            await FlushAsync(ct);
    }

    /// <summary>Writes the rows still waiting.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        if (pending.Count == 0)
            return;
        if (parent is not null)
            await parent.FlushAsync(ct);
        // The statement for a full batch is prepared once and reused; a last, shorter batch gets its own.
        var command = pending.Count == rowsPerStatement ? full ??= Command(rowsPerStatement) : Command(pending.Count);
        var p = 0;
        foreach (var row in pending)
        {
            foreach (var (property, mapping) in columns)
            {
                var value = property.GetGetter().GetClrValue(row);
                command.Parameters[p++].Value = value is null ? DBNull.Value : mapping.Converter?.ConvertToProvider(value) ?? value;
            }
        }
        await command.ExecuteNonQueryAsync(ct);
        if (command != full)
            await command.DisposeAsync();
        pending.Clear();
    }

    private DbCommand Command(int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new System.Text.StringBuilder();
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            values.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"p{p++}";
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, columns[c].Property.IsNullable));
                values.Append(c == 0 ? "@" : ", @").Append(name);
            }
            values.Append(')');
        }
        command.CommandText = $"INSERT INTO {table} ({columnList}) VALUES {values}";
        return command;
    }

    public void Dispose() => full?.Dispose();
}

/// <summary>A table being written in bulk, as another one that refers to it sees it.</summary>
public interface IBulkInsert
{
    Task FlushAsync(CancellationToken ct = default);
}
