using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Gongkai.App.Search;

/// <summary>
/// Chinese text as overlapping character bigrams (CJK bigrams), so any 2–6 character term is found as a phrase of its
/// bigrams — substring semantics, the same items whichever database is configured. Punctuation and spaces leave a
/// position gap, so a phrase never matches across them (「狠抓工，工作」 does not contain 狠抓工作).
/// </summary>
public sealed class CatalogAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, new GapFilter(stream));
    }

    /// <summary>Adds one to the position increment of a token that does not touch or overlap the one before it.</summary>
    private sealed class GapFilter : TokenFilter
    {
        private readonly IOffsetAttribute offsets;
        private readonly IPositionIncrementAttribute positions;
        private int lastEnd = -1;

        public GapFilter(TokenStream input) : base(input)
        {
            offsets = AddAttribute<IOffsetAttribute>();
            positions = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
                return false;
            if (lastEnd >= 0 && offsets.StartOffset > lastEnd)
                positions.PositionIncrement += 1;
            lastEnd = offsets.EndOffset;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            lastEnd = -1;
        }
    }
}
