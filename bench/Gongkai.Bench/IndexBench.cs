using System.Diagnostics;
using System.Text.Json;
using Gongkai.App.Catalog;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Bench;

/// <summary>
/// The search index alone, the part of a bulk import that bounds it: items of an import file (e.g. from
/// `gongkai demo catalog --items N --out FILE.jsonl`) read into memory first, then added to an empty
/// <see cref="CatalogIndex"/> in a temporary folder — one thread, or with `--threads N` in date-ordered partitions on N
/// threads joined in order as the import does (<see cref="CatalogIndex.BeginBulk"/>) — and committed. Prints items per
/// second; an import cannot be faster than this.
/// </summary>
internal static class IndexBench
{
    public static int Run(string[] args)
    {
        var file = args.SkipWhile(a => a != "--file").Skip(1).FirstOrDefault();
        var count = args.SkipWhile(a => a != "--items").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
        var threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).FirstOrDefault(1);
        if (file is null || !File.Exists(file))
        {
            Console.Error.WriteLine("用法：Gongkai.Bench index --file FILE.jsonl [--items N] [--threads N]（FILE 由 gongkai demo catalog --out 生成）");
            return 1;
        }
        var items = File.ReadLines(file).Take(count).Select(line =>
        {
            var item = JsonDocument.Parse(line).RootElement;
            string Text(string key) => item.TryGetProperty(key, out var value) ? value.GetString() ?? "" : "";
            return new IndexedItem(Guid.CreateVersion7(), Text("index_number"), Text("title"), $"{Text("summary")}\n{PublishCatalogItem.PlainText(Text("body")).Trim()}",
                Text("document_number"), "/bench/", Genre.Notice, "综合政务", DateOnly.Parse(Text("published_on")), Validity.InForce, null);
        }).OrderBy(i => i.PublishedOn).ToList();
        var characters = items.Sum(i => (long)i.Title.Length + i.Text.Length);
        Console.WriteLine($"Index: {items.Count:N0} items, {characters / items.Count:N0} characters each on average, "
            + (threads > 1 ? $"{threads} threads in partitions joined in order (as an import)" : "one thread") + $", {Environment.ProcessorCount} cores");

        var folder = Path.Combine(Path.GetTempPath(), "gongkai-index-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new CatalogIndex(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = folder }).Build());
            var watch = Stopwatch.StartNew();
            if (threads > 1)
            {
                using var bulk = index.BeginBulk(threads);
                foreach (var item in items)
                    bulk.Add(item);
                bulk.Complete();
            }
            else
            {
                foreach (var item in items)
                    index.Upsert(item);
            }
            var added = watch.Elapsed.TotalSeconds;
            index.Commit();
            var seconds = watch.Elapsed.TotalSeconds;
            var bytes = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
            Console.WriteLine($"added in {added:F1} s, committed at {seconds:F1} s: {items.Count / seconds:N0} items/s; index {bytes / 1048576.0:N0} MB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }
}
