using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Backup;

/// <summary>
/// The search index folder (Search:IndexPath) held by its writer's lock while a restore replaces the database: a
/// portal running on it holds that lock, so the restore refuses to start; once the database is restored the folder is
/// emptied, and the portal rebuilds the index from the database when it starts (the index is only a cache).
/// </summary>
public sealed class IndexFolder : IDisposable
{
    private readonly FSDirectory directory;
    private readonly Lucene.Net.Store.Lock held;

    private IndexFolder(string path, FSDirectory directory, Lucene.Net.Store.Lock held) => (Path, this.directory, this.held) = (path, directory, held);

    public string Path { get; }

    /// <summary>Takes the folder's lock; null while another process (a running portal) writes the index.</summary>
    public static IndexFolder? TryTake(IConfiguration configuration)
    {
        var path = System.IO.Path.GetFullPath(configuration["Search:IndexPath"] ?? "data/search");
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
        if (writeLock.Obtain())
            return new IndexFolder(path, directory, writeLock);
        writeLock.Dispose();
        directory.Dispose();
        return null;
    }

    /// <summary>
    /// Deletes the index's files (segments_N and the segments' _N.* files, never another file that happens to be in the
    /// folder): an empty index, which the portal rebuilds at start.
    /// </summary>
    public void Clear()
    {
        foreach (var file in directory.ListAll().Where(f => f.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal) || f.StartsWith('_')))
            directory.DeleteFile(file);
    }

    public void Dispose()
    {
        held.Dispose();
        directory.Dispose();
    }
}
