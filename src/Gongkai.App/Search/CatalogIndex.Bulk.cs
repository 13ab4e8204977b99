using System.Collections.Concurrent;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Gongkai.App.Search;

public sealed partial class CatalogIndex
{
    /// <summary>Items a partition holds: one segment each, about the size the single writer flushed before.</summary>
    public const int BulkChunk = 10_000;

    /// <summary>
    /// Starts adding many new items (none in the index yet, none older than <see cref="NewestPublication"/>) in
    /// publication order on <paramref name="threads"/> threads: consecutive runs of <see cref="BulkChunk"/> items are
    /// indexed apart, each into a folder of its own beside the index, and joined in their order when the addition
    /// completes (<see cref="IndexWriter.AddIndexes(Lucene.Net.Store.Directory[])"/> copies segments in the order
    /// given), so the index keeps publication order. Nothing reaches the index before <see cref="BulkAddition.Complete"/>:
    /// an addition given up leaves the index as it was. No other write to the index may run meanwhile.
    /// </summary>
    /// <param name="chunk">Items a partition holds (default <c>Search:BulkChunk</c>, else <see cref="BulkChunk"/>; tests make it small).</param>
    public BulkAddition BeginBulk(int threads, int? chunk = null) => new(this, Math.Max(1, threads), Math.Max(1, chunk ?? bulkChunk));

    /// <summary>See <see cref="BeginBulk"/>.</summary>
    public sealed class BulkAddition : IDisposable
    {
        private readonly CatalogIndex index;
        private readonly string folder;
        private readonly BlockingCollection<(int Number, List<Document> Documents)> chunks;
        private readonly Thread[] workers;
        private readonly int size;
        private Exception? failed;
        private readonly List<string> written = [];
        private List<Document> current = [];
        private int count;
        private bool done;

        internal BulkAddition(CatalogIndex index, int threads, int chunk)
        {
            (this.index, size) = (index, chunk);
            foreach (var stale in System.IO.Directory.EnumerateDirectories(Path.GetDirectoryName(index.path)!, Path.GetFileName(index.path) + ".bulk-*"))
                System.IO.Directory.Delete(stale, recursive: true);   // left by a process that died while adding
            folder = $"{index.path}.bulk-{Guid.NewGuid():N}";
            System.IO.Directory.CreateDirectory(folder);
            // Bounded: a chunk waits while every thread is busy, so memory holds a few chunks at most.
            chunks = new(threads);
            workers = [.. Enumerable.Range(0, threads).Select(_ => new Thread(Work) { Name = "gk-index", IsBackground = true })];
            foreach (var worker in workers)
                worker.Start();
        }

        /// <summary>Adds the next item (called in publication order, from one thread; waits while every thread is busy).</summary>
        public void Add(IndexedItem item)
        {
            Document document;
            lock (index.order)
            {
                var (sequence, late) = index.Place(ref index.lastSequence, item.PublishedOn.DayNumber);
                if (late)
                    throw new InvalidOperationException("A bulk addition takes items in publication order.");
                document = ToDocument(item, sequence, late: false);
                document.Add(new NumericDocValuesField(LetterSequence, index.lastLetterSequence!.Value));
            }
            current.Add(document);
            if (current.Count == size)
                Send();
        }

        private void Send()
        {
            if (current.Count == 0)
                return;
            try
            {
                chunks.Add((count++, current));
            }
            catch (InvalidOperationException) when (failed is not null)
            {
                throw new InvalidOperationException("检索索引写入失败。", failed);
            }
            current = [];
        }

        private void Work()
        {
            try
            {
                foreach (var (number, documents) in chunks.GetConsumingEnumerable())
                    Write(number, documents);
            }
            catch (Exception e)
            {
                failed = e;
                chunks.CompleteAdding();   // the adding thread then fails instead of waiting for a thread that is gone
            }
        }

        private void Write(int number, List<Document> documents)
        {
            var partition = Path.Combine(folder, number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
            using (var directory = FSDirectory.Open(partition))
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(CatalogAnalyzer.Version, new CatalogAnalyzer())
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = 1024,   // one flush, at the end: one segment
                MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
                MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
                UseCompoundFile = false,
            }))
            {
                foreach (var document in documents)
                    writer.AddDocument(document);
                writer.Commit();
            }
            lock (written)
                written.Add(partition);
        }

        /// <summary>
        /// Waits for the threads and joins their partitions into the index in publication order (not yet committed:
        /// <see cref="Commit"/> makes them durable). Segments then merge with their neighbours as usual.
        /// </summary>
        public void Complete()
        {
            Send();
            chunks.CompleteAdding();
            foreach (var worker in workers)
                worker.Join();
            if (failed is not null)
                throw new InvalidOperationException("检索索引写入失败。", failed);
            var directories = written.Order(StringComparer.Ordinal).Select(p => (Lucene.Net.Store.Directory)FSDirectory.Open(p)).ToArray();
            try
            {
                index.Writer.AddIndexes(directories);
                index.Writer.MaybeMerge();
            }
            finally
            {
                foreach (var directory in directories)
                    directory.Dispose();
                done = true;
                Dispose();
            }
        }

        /// <summary>Gives the addition up (unless completed): the index keeps none of it.</summary>
        public void Dispose()
        {
            if (!chunks.IsAddingCompleted)
                chunks.CompleteAdding();
            if (!done)
            {
                while (chunks.TryTake(out _))
                {
                    // not written: given up
                }
                foreach (var worker in workers)
                    worker.Join();   // what they wrote is deleted below
                // Place() moved the order key past items that never reached the index: read it again from the index.
                lock (index.order)
                    (index.lastSequence, index.lastLetterSequence) = (null, null);
                done = true;
            }
            if (System.IO.Directory.Exists(folder))
                System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
