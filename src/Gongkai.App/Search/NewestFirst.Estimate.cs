using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gongkai.App.Search;

/// <summary>
/// The total of a query whose hits were not all read: the hits in the unread part of the range estimated from a sample
/// of windows spread over it, to a standard error of <see cref="RelativeError"/>, or counted when a sample would cover
/// half of it.
/// </summary>
internal static partial class NewestFirst
{
    /// <summary>Hits expected in the first sample of the unread part, at the density of the part read (see <see cref="EstimateUnread"/>).</summary>
    public const int SampleHits = 400;

    /// <summary>Windows of a sample: one in the middle of each of as many equal stretches of the unread part.</summary>
    public const int Strata = 32;

    /// <summary>
    /// The standard error an estimated total may have, relative to it: 1.96 times it is under ±10% (95% of estimates
    /// within ±10% of the true count, the target of issue 19).
    /// </summary>
    public const double RelativeError = 0.05;

    /// <summary>
    /// The hits in the part of the date range that was not read, estimated from a sample of <see cref="Strata"/> windows
    /// spread evenly over it (one per equal stretch: stratified), so that hits denser in some years, units or genres than in
    /// the newest part are weighed as they are. Extrapolating from the newest part alone once gave twice the true total of
    /// 「政策解读」 on 1M items, whose 解读 had grown twice as frequent lately.
    /// </summary>
    /// <remarks>
    /// The first sample holds about <see cref="SampleHits"/> hits at the density of the part read. Its standard error is
    /// estimated from the differences between neighbouring windows (the successive-difference estimator of systematic
    /// samples), which also sees hits that come in bunches — a unit's batch of 解读 on one day — wider than a window; while
    /// it exceeds <see cref="RelativeError"/> of the total the sample is drawn again, as much larger as that error asks.
    /// When a sample would cover half of the unread part, the part is counted instead, exactly.
    /// Where it costs less (few candidates, as for a word found in one item of 500 — whose sample would be most of the
    /// index — or when most candidates are hits), the candidates of the unread part are counted instead, without positions
    /// (a lone term's document frequency in a segment without deleted or late documents: no reading at all), and only the
    /// share of hits among them is sampled (<see cref="ByShare"/>): its error depends on how far that share is from 1, and
    /// it is nil for a query that has no phrase and no further test, whose candidates are its hits.
    /// </remarks>
    /// <param name="size">Documents in the unread parts.</param>
    /// <param name="counted">Hits counted in the part read (exactly).</param>
    /// <param name="candidates">Candidates (documents matching every candidate query, not late) in the part read.</param>
    /// <param name="read">Documents in the part read.</param>
    private static (long Count, bool Exact) EstimateUnread(Counting context, List<Part> unread, long size, long counted, long candidates, long read)
    {
        var density = read > 0 ? (double)counted / read : 0;
        var candidateDensity = read > 0 ? (double)candidates / read : 0;
        var checks = context.Verify.Count > 0 || context.Accept is not null;
        // Without positions or a further test to check, every candidate is a hit: the count is the candidates'.
        var unknown = unread.Where(p => p.Known < 0).Sum(p => (long)p.Length);
        var hitDocs = (long)Math.Ceiling(SampleHits / Math.Max(density, 1e-9));
        // Such a count is exact, but it is said to be so only where the hits would have been counted one by one (a rare
        // word): a common word's total stays 「约」, as a page's total of many hits is (see CatalogSearch).
        var small = hitDocs * 2 >= size;
        if (!checks && unknown == 0)
            return (unread.Sum(p => p.Known), small);
        // Two ways: hits counted in windows (ExpandHits), or the candidates counted in the whole unread part (cheap: no
        // positions) times the share of them that are hits, measured in windows (ByShare) — which needs far fewer
        // candidates checked when most are hits, but reads every candidate's document number. The cheaper is taken.
        var share = candidates > 0 ? Math.Clamp((double)counted / candidates, 0.02, 1) : 0.02;
        var shareDocs = (long)Math.Ceiling(Math.Max(MinimumCandidates, (1 - share) / (share * RelativeError * RelativeError)) / Math.Max(candidateDensity, 1e-9));
        var check = context.Verify.Count > 0 ? PhraseCost : 1;
        var hitCost = candidateDensity * Math.Min(hitDocs, size) * (1 + check);
        var shareCost = candidateDensity * unknown + candidateDensity * Math.Min(shareDocs, size) * (checks ? 1 + check : 0);
        return shareCost < hitCost ? ByShare(context, unread, size, counted, shareDocs, checks, small) : ExpandHits(context, unread, size, counted, hitDocs);
    }

    /// <summary>Candidates checked in a sample for the share of hits among them at the least (<see cref="EstimateUnread"/>).</summary>
    public const int MinimumCandidates = 64;

    /// <summary>About how many candidates' document numbers are read in the time one candidate's phrase positions are checked.</summary>
    public const int PhraseCost = 8;

    /// <summary>The hits in windows, scaled up to the unread part (see <see cref="EstimateUnread"/>).</summary>
    private static (long Count, bool Exact) ExpandHits(Counting context, List<Part> unread, long size, long counted, long docs)
    {
        while (true)
        {
            if (docs * 2 >= size)
                return (Count(context, unread, 1).Hits[0], true);
            var windows = Windows(unread, size, docs);
            var sampled = windows.Sum(w => (long)w.Length);
            var hits = Count(context, windows, Strata).Hits;
            // Each window stands for its stretch: size / sampled documents per document read.
            var scale = (double)size / sampled;
            var estimate = hits.Sum() * scale;
            var error = scale * SuccessiveDifferences(hits.Select(h => (double)h).ToArray());
            var relative = error / Math.Max(1, counted + estimate);
            if (relative <= RelativeError)
                return ((long)Math.Round(estimate), false);
            // The error shrinks as the square root of the sample.
            docs = (long)Math.Ceiling(docs * Math.Max(2, 1.2 * Math.Pow(relative / RelativeError, 2)));
        }
    }

    /// <summary>
    /// The candidates of the unread part, counted (or known: <see cref="Part.Known"/>), times the share of hits among the
    /// candidates of windows spread over it (a ratio estimate: its error is that of the share, estimated from the
    /// differences between neighbouring windows as in <see cref="ExpandHits"/>, and no less than a binomial one's).
    /// </summary>
    /// <param name="small">Whether a count of the candidates alone (when every candidate is a hit) is said to be exact.</param>
    private static (long Count, bool Exact) ByShare(Counting context, List<Part> unread, long size, long counted, long docs, bool checks, bool small)
    {
        var all = unread.Sum(p => Math.Max(0, p.Known)) + CountCandidates(context, [.. unread.Where(p => p.Known < 0)]);
        if (!checks)
            return (all, small);
        if (all == 0)
            return (0, true);
        while (true)
        {
            if (docs * 2 >= size)
                return (Count(context, unread, 1).Hits[0], true);
            var windows = Windows(unread, size, docs);
            var (candidates, hits) = Count(context, windows, Strata);
            var (sampled, found) = (candidates.Sum(), hits.Sum());
            if (sampled == 0)
            {
                docs *= 4;
                continue;
            }
            var share = (double)found / sampled;
            var estimate = all * share;
            var scale = (double)all / sampled;
            var residuals = Enumerable.Range(0, Strata).Select(k => hits[k] - share * candidates[k]).ToArray();
            var binomial = (found + 1.0) / (sampled + 2);
            var error = Math.Max(scale * SuccessiveDifferences(residuals), all * Math.Sqrt(binomial * (1 - binomial) / sampled));
            var relative = error / Math.Max(1, counted + estimate);
            if (relative <= RelativeError)
                return ((long)Math.Round(estimate), false);
            docs = (long)Math.Ceiling(docs * Math.Max(2, 1.2 * Math.Pow(relative / RelativeError, 2)));
        }
    }

    /// <summary>
    /// The standard error of the sum of values of successive windows of a systematic sample, estimated from the
    /// differences between neighbours (which also sees hits that come in bunches wider than a window).
    /// </summary>
    private static double SuccessiveDifferences(double[] values)
    {
        var differences = 0.0;
        for (var k = 1; k < values.Length; k++)
            differences += Math.Pow(values[k] - values[k - 1], 2);
        return Math.Sqrt(values.Length * differences / (2.0 * (values.Length - 1)));
    }

    /// <summary>
    /// About <paramref name="docs"/> documents of the unread parts, in <see cref="Strata"/> windows, one in the middle of
    /// each equal stretch of them (the parts taken one after the other in index order); in index order.
    /// </summary>
    private static List<Part> Windows(List<Part> unread, long size, long docs)
    {
        var width = Math.Max(1, docs / Strata);
        var windows = new List<Part>();
        var (p, before) = (0, 0L);   // the part at hand, and how many documents the parts before it hold
        for (var k = 0; k < Strata; k++)
        {
            // The window's place along the unread documents: [from, to), within the stretch k.
            var from = Math.Max(k * size / Strata, (2 * k + 1) * size / (2 * Strata) - width / 2);
            var to = Math.Min((k + 1) * size / Strata, from + width);
            while (from < to)
            {
                while (before + unread[p].Length <= from)
                    before += unread[p++].Length;
                var part = unread[p];
                var end = Math.Min(to, before + part.Length);
                windows.Add(new(part.Leaf, part.Start + (int)(from - before), part.Start + (int)(end - before), k));
                from = end;
            }
        }
        return windows;
    }

    /// <summary>
    /// The candidates and the hits in the given parts (in index order, none overlapping), by window (<see cref="Part.Window"/>
    /// below <paramref name="windows"/>): each leaf's postings are read once, forwards.
    /// </summary>
    private static (long[] Candidates, long[] Hits) Count(Counting context, List<Part> parts, int windows)
    {
        var (candidates, counts) = (new long[windows], new long[windows]);
        foreach (var group in parts.GroupBy(p => p.Leaf))
        {
            var leaf = context.Leaves[group.Key];
            var reader = leaf.AtomicReader;
            var lateMark = reader.GetNumericDocValues(CatalogIndex.Late);
            if (Conjunction(context.Weights, leaf) is not { } iterators)
                continue;
            var phrases = PhraseCheck.For(reader, context.Verify);
            foreach (var part in group)
            {
                foreach (var doc in Candidates(iterators, part.Start, part.End))
                {
                    if (lateMark.Get(doc) != 0)
                        continue;
                    candidates[part.Window]++;
                    if (phrases is not null && phrases.Hold(doc) && (context.Accept is null || context.Accept(reader, doc)))
                        counts[part.Window]++;
                }
            }
        }
        return (candidates, counts);
    }
}
