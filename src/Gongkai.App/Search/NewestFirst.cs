using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gongkai.App.Search;

/// <summary>
/// The newest hits of a query without visiting every hit: the index is in publication order (see
/// <see cref="CatalogIndex"/>), so it is read from the end backwards in growing windows until enough hits are found.
/// The total is counted exactly when the whole (date-limited) index was read, otherwise the hits in the rest are
/// estimated from a sample spread over it (<see cref="EstimateUnread"/>) — a common word among a million items costs a
/// few thousand documents, not a million.
/// </summary>
internal static partial class NewestFirst
{
    /// <summary>Which order is read: a kind's order key (non-decreasing along the index) and the day its hits are sorted by.</summary>
    public sealed record Order(string Sequence, string Day)
    {
        /// <summary>Catalog items by publication date.</summary>
        public static readonly Order Catalog = new(CatalogIndex.Sequence, CatalogIndex.Published);

        /// <summary>Letters in the order they were published, their hits sorted by the day they were answered.</summary>
        public static readonly Order Letters = new(CatalogIndex.LetterSequence, CatalogIndex.Answered);
    }

    /// <param name="Doc">The document number in the searcher; <paramref name="Day"/>: its date as a day number (see <see cref="Order.Day"/>).</param>
    public readonly record struct Hit(int Doc, int Day);

    /// <param name="Newest">At least the <c>need</c> newest hits (fewer only when there are no more), newest first.</param>
    public sealed record Hits(List<Hit> Newest, long Total, bool Exact);

    /// <summary>
    /// What a hit must match: every one of <paramref name="Candidates"/>, cheap to run through (terms without positions),
    /// and every phrase of <paramref name="Verify"/>, whose positions are read only for the candidates. Lucene would
    /// order one conjunction of both by its own cost estimates and may lead with a phrase, reading positions in ten times
    /// as many items (measured on 1M items with a unit filter).
    /// </summary>
    public sealed record Matcher(IReadOnlyList<Query> Candidates, IReadOnlyList<PhraseQuery> Verify)
    {
        public Query Both
        {
            get
            {
                var both = new BooleanQuery();
                foreach (var query in Candidates.Concat(Verify))
                    both.Add(query, Occur.MUST);
                return both;
            }
        }
    }

    /// <param name="from">Hits with an order key (and day) from this date on: a range of the index.</param>
    /// <param name="accept">A further test of a hit (the date-dependent 有效性), or null.</param>
    /// <param name="order">The catalog's order unless given.</param>
    /// <param name="total">Whether the total is wanted: when not, <see cref="Hits.Total"/> is only what the part read holds (no sample is drawn).</param>
    public static Hits Collect(IndexSearcher searcher, Matcher query, int need, DateOnly? from, DateOnly? to,
        Func<AtomicReader, int, bool>? accept = null, Order? order = null, bool total = true)
    {
        order ??= Order.Catalog;
        var (low, high) = (from?.DayNumber ?? int.MinValue, to?.DayNumber ?? int.MaxValue);
        var weights = query.Candidates.Select(searcher.CreateNormalizedWeight).ToArray();
        var late = LateHits(searcher, query.Both, low, high, accept, order.Day);

        var found = new List<Hit>();
        long read = 0, range = 0, counted = 0, candidates = 0;
        // A lone term's documents in a segment are its document frequency, when the segment has no deleted or late ones.
        var lone = query.Candidates is [TermQuery { Term: var loneTerm }] ? loneTerm : null;
        var unread = new List<Part>();
        var window = new List<Hit>();
        var leaves = searcher.IndexReader.Leaves;
        for (var l = leaves.Count - 1; l >= 0; l--)
        {
            var leaf = leaves[l];
            var reader = leaf.AtomicReader;
            var (sequence, published, lateMark) = (reader.GetNumericDocValues(order.Sequence), reader.GetNumericDocValues(order.Day),
                reader.GetNumericDocValues(CatalogIndex.Late));
            if (sequence is null || published is null || lateMark is null)
                continue;
            // The documents whose order key lies in the date range; late ones among them are skipped here (counted apart).
            var first = FirstAtLeast(sequence, reader.MaxDoc, low);
            var end = high == int.MaxValue ? reader.MaxDoc : FirstAtLeast(sequence, reader.MaxDoc, high + 1);
            range += end - first;
            var candidatesHere = 0L;
            for (var size = 2048; end > first && found.Count < need; size *= 8)
            {
                var start = Math.Max(first, end - size);
                window.Clear();
                // Fresh postings for each window: the windows go backwards, a check only forwards.
                if (Conjunction(weights, leaf) is { } iterators && PhraseCheck.For(reader, query.Verify) is { } phrases)
                {
                    foreach (var doc in Candidates(iterators, start, end))
                    {
                        if (lateMark.Get(doc) != 0)
                            continue;
                        candidatesHere++;
                        if (phrases.Hold(doc) && (accept is null || accept(reader, doc)))
                            window.Add(new(leaf.DocBase + doc, (int)published.Get(doc)));
                    }
                }
                // Every hit of the window counts; only the newest are kept (the window's last ones).
                counted += window.Count;
                found.AddRange(window.Skip(Math.Max(0, window.Count - (need - found.Count))));
                read += end - start;
                end = start;
            }
            candidates += candidatesHere;
            if (end > first)
            {
                // The candidates before the part read: the term's documents but those read, for a whole segment without deleted or late documents.
                var known = lone is not null && query.Verify.Count == 0 && first == 0 && high == int.MaxValue && reader.LiveDocs is null
                    && reader.DocFreq(new Term(CatalogIndex.Late, "1")) == 0 ? reader.DocFreq(lone) - candidatesHere : -1;
                unread.Add(new(l, first, end, Known: known));
            }
        }
        var exact = read >= range;
        var hits = counted;
        if (!exact && total)
        {
            unread.Reverse();
            var context = new Counting(leaves, weights, query.Verify, accept);
            (var rest, exact) = EstimateUnread(context, unread, range - read, counted, candidates, read);
            hits += rest;
        }
        var newest = found.Concat(late).OrderByDescending(h => h.Day).ThenByDescending(h => h.Doc).ToList();
        return new(newest, hits + late.Count, exact);
    }

    /// <summary>
    /// Every hit of the query in the date range, counted one by one: what <see cref="Collect"/> estimates, at the cost of
    /// reading the whole range (for checks of the estimate, e.g. the search bench — not for a page).
    /// </summary>
    public static long CountExactly(IndexSearcher searcher, Matcher query, DateOnly? from, DateOnly? to,
        Func<AtomicReader, int, bool>? accept = null, Order? order = null)
    {
        order ??= Order.Catalog;
        var (low, high) = (from?.DayNumber ?? int.MinValue, to?.DayNumber ?? int.MaxValue);
        var leaves = searcher.IndexReader.Leaves;
        var parts = new List<Part>();
        for (var l = 0; l < leaves.Count; l++)
        {
            var reader = leaves[l].AtomicReader;
            if (reader.GetNumericDocValues(order.Sequence) is not { } sequence || reader.GetNumericDocValues(CatalogIndex.Late) is null
                || reader.GetNumericDocValues(order.Day) is null)
                continue;
            var first = FirstAtLeast(sequence, reader.MaxDoc, low);
            var end = high == int.MaxValue ? reader.MaxDoc : FirstAtLeast(sequence, reader.MaxDoc, high + 1);
            if (end > first)
                parts.Add(new(l, first, end));
        }
        var weights = query.Candidates.Select(searcher.CreateNormalizedWeight).ToArray();
        return Count(new(leaves, weights, query.Verify, accept), parts, 1).Hits[0] + LateHits(searcher, query.Both, low, high, accept, order.Day).Count;
    }

    /// <summary>Documents [<paramref name="Start"/>, <paramref name="End"/>) of the leaf numbered <paramref name="Leaf"/>; of which window of a sample.</summary>
    /// <param name="Known">The candidates in the part (non-late documents matching every candidate query) when known without reading it, else -1.</param>
    private readonly record struct Part(int Leaf, int Start, int End, int Window = 0, long Known = -1)
    {
        public int Length => End - Start;
    }

    /// <summary>What counting hits in a part of the index needs: the query's parts and the further test.</summary>
    private sealed record Counting(IList<AtomicReaderContext> Leaves, Weight[] Weights, IReadOnlyList<PhraseQuery> Verify,
        Func<AtomicReader, int, bool>? Accept);

    /// <summary>The candidates in the given parts (in index order): document numbers only, no positions read, nothing tested.</summary>
    private static long CountCandidates(Counting context, List<Part> parts)
    {
        var count = 0L;
        foreach (var group in parts.GroupBy(p => p.Leaf))
        {
            var leaf = context.Leaves[group.Key];
            var lateMark = leaf.AtomicReader.GetNumericDocValues(CatalogIndex.Late);
            if (Conjunction(context.Weights, leaf) is not { } iterators)
                continue;
            foreach (var part in group)
            {
                foreach (var doc in Candidates(iterators, part.Start, part.End))
                    count += lateMark.Get(doc) == 0 ? 1 : 0;
            }
        }
        return count;
    }

    /// <summary>Iterators over the candidate queries' documents in a segment, the rarest first; null when one matches nothing there.</summary>
    private static DocIdSetIterator[]? Conjunction(Weight[] weights, AtomicReaderContext leaf)
    {
        var iterators = new DocIdSetIterator[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i].GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
                return null;
            iterators[i] = scorer;
        }
        Array.Sort(iterators, (a, b) => a.GetCost().CompareTo(b.GetCost()));
        return iterators;
    }

    /// <summary>
    /// The documents in [<paramref name="start"/>, <paramref name="end"/>) of a segment that every iterator of a
    /// <see cref="Conjunction"/> holds, in order; the iterators are only moved forwards, so later calls on the same
    /// iterators must ask for later ranges. The conjunction is walked here rather than by Lucene's so that it stops at
    /// <paramref name="end"/>: Lucene's would go on looking for the next match beyond the window, through the windows
    /// already read, which for a query with few hits meant reading the newest part of the index once per window.
    /// </summary>
    private static IEnumerable<int> Candidates(DocIdSetIterator[] iterators, int start, int end)
    {
        // The rarest leads; the others are moved up to it, and it up to any of them that jumped past it.
        var doc = MoveTo(iterators[0], start);
        while (doc < end)
        {
            var agreed = true;
            for (var i = 1; i < iterators.Length; i++)
            {
                var at = MoveTo(iterators[i], doc);
                if (at > doc)
                {
                    doc = at >= end ? end : MoveTo(iterators[0], at);
                    agreed = false;
                    break;
                }
            }
            if (agreed)
            {
                yield return doc;
                doc = iterators[0].NextDoc();
            }
        }
    }

    /// <summary>Moves an iterator to the first document at or after <paramref name="target"/> unless it is there already.</summary>
    private static int MoveTo(DocIdSetIterator iterator, int target) => iterator.DocID < target ? iterator.Advance(target) : iterator.DocID;

    /// <summary>
    /// Whether a document holds every phrase, each term at its place relative to the others, read for that document
    /// alone. (A phrase scorer asked the same would search on to the next document holding the phrase, reading positions
    /// in every document on the way — to the end of the index, for a phrase found nowhere.)
    /// </summary>
    private sealed class PhraseCheck
    {
        private readonly (DocsAndPositionsEnum Postings, int Offset)[][] phrases;

        private PhraseCheck((DocsAndPositionsEnum, int)[][] phrases) => this.phrases = phrases;

        /// <summary>Null when a term of a phrase is nowhere in the segment: none of its documents holds that phrase.</summary>
        public static PhraseCheck? For(AtomicReader reader, IReadOnlyList<PhraseQuery> phrases)
        {
            var terms = new (DocsAndPositionsEnum, int)[phrases.Count][];
            for (var p = 0; p < phrases.Count; p++)
            {
                var (words, offsets) = (phrases[p].GetTerms(), phrases[p].GetPositions());
                terms[p] = new (DocsAndPositionsEnum, int)[words.Length];
                for (var t = 0; t < words.Length; t++)
                {
                    if (reader.GetTermPositionsEnum(words[t]) is not { } postings)
                        return null;
                    terms[p][t] = (postings, offsets[t]);
                }
            }
            return new(terms);
        }

        /// <param name="doc">Documents are asked about in increasing order.</param>
        public bool Hold(int doc)
        {
            foreach (var terms in phrases)
            {
                foreach (var (postings, _) in terms)
                {
                    if (MoveTo(postings, doc) != doc)
                        return false;
                }
                // Some place where the first term is and every other term at its distance from it (positions read into
                // buffers kept from one document to the next: this runs for every candidate).
                if (places.Length < terms.Length)
                    Array.Resize(ref places, terms.Length);
                for (var t = 0; t < terms.Length; t++)
                    Read(terms[t].Postings, ref places[t]);
                if (!Placed(terms))
                    return false;
            }
            return true;
        }

        private (int[] Positions, int Count)[] places = [];

        private bool Placed((DocsAndPositionsEnum Postings, int Offset)[] terms)
        {
            var (first, count) = places[0];
            for (var i = 0; i < count; i++)
            {
                var start = first[i] - terms[0].Offset;
                var all = true;
                for (var t = 1; t < terms.Length && all; t++)
                    all = Array.BinarySearch(places[t].Positions, 0, places[t].Count, start + terms[t].Offset) >= 0;
                if (all)
                    return true;
            }
            return false;
        }

        private static void Read(DocsAndPositionsEnum postings, ref (int[] Positions, int Count) place)
        {
            var count = postings.Freq;
            if (place.Positions is null || place.Positions.Length < count)
                place.Positions = new int[Math.Max(count, 16)];
            for (var i = 0; i < count; i++)
                place.Positions[i] = postings.NextPosition();
            place.Count = count;
        }
    }

    /// <summary>Which of the given hits also match <paramref name="query"/>.</summary>
    public static HashSet<int> Among(IndexSearcher searcher, Matcher query, IEnumerable<Hit> hits)
    {
        var weights = query.Candidates.Select(searcher.CreateNormalizedWeight).ToArray();
        var matching = new HashSet<int>();
        var leaves = searcher.IndexReader.Leaves;
        foreach (var group in hits.Select(h => h.Doc).Order().GroupBy(doc => ReaderUtil.SubIndex(doc, leaves)))
        {
            var leaf = leaves[group.Key];
            var iterators = weights.Select(w => w.GetScorer(leaf, leaf.AtomicReader.LiveDocs)).ToArray();
            if (iterators.Any(i => i is null) || PhraseCheck.For(leaf.AtomicReader, query.Verify) is not { } phrases)
                continue;
            foreach (var doc in group)
            {
                var target = doc - leaf.DocBase;
                if (iterators.All(i => MoveTo(i!, target) == target) && phrases.Hold(target))
                    matching.Add(doc);
            }
        }
        return matching;
    }

    /// <summary>Items added out of publication order: few, so all of them are collected.</summary>
    private static List<Hit> LateHits(IndexSearcher searcher, Query query, int low, int high, Func<AtomicReader, int, bool>? accept, string dayField)
    {
        var lateQuery = new BooleanQuery { { query, Occur.MUST }, { new TermQuery(new Term(CatalogIndex.Late, "1")), Occur.MUST } };
        var weight = searcher.CreateNormalizedWeight(lateQuery);
        var hits = new List<Hit>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            var published = leaf.AtomicReader.GetNumericDocValues(dayField);
            if (scorer is null || published is null)
                continue;
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                var day = (int)published.Get(doc);
                if (day >= low && day <= high && (accept is null || accept(leaf.AtomicReader, doc)))
                    hits.Add(new(leaf.DocBase + doc, day));
            }
        }
        return hits;
    }

    /// <summary>The first document whose order key is at least <paramref name="key"/> (keys never decrease along a segment).</summary>
    private static int FirstAtLeast(NumericDocValues sequence, int count, long key)
    {
        var (low, high) = (0, count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sequence.Get(middle) < key)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
