using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Gongkai.App.Search;

/// <summary>
/// Chinese text as overlapping character bigrams (CJK bigrams), so any 2–6 character term is found as a phrase of its
/// bigrams — substring semantics, the same items whichever database is configured. Runs of letters and digits are one
/// token each; full-width forms count as half-width and Latin letters as lower case. Punctuation and spaces leave a
/// position gap, so a phrase never matches across them (「狠抓工，工作」 does not contain 狠抓工作).
/// </summary>
/// <remarks>
/// One tokenizer instead of Lucene's StandardTokenizer → CJKWidthFilter → LowerCaseFilter → CJKBigramFilter chain:
/// the same tokens for Chinese text, at about twice the indexing speed (measured in bench/, see README).
/// </remarks>
public sealed class CatalogAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Gram fields and bigram fields tokenize differently, so each field keeps its own tokenizer.</summary>
    public CatalogAnalyzer() : base(PER_FIELD_REUSE_STRATEGY)
    {
    }

    /// <summary>Fields holding every run of <see cref="GramLength"/> Chinese characters instead of bigrams (see <see cref="Grams"/>).</summary>
    public static bool IsGramField(string field) => field is CatalogIndex.AllGrams or CatalogIndex.TitleGrams or CatalogIndex.LetterAllGrams;

    /// <summary>
    /// Four-character grams are rare where bigrams are common (青岚市卫 vs 青岚), so the search first narrows a word of four
    /// characters or more to the items holding its grams, and checks the bigrams' positions only there.
    /// </summary>
    public const int GramLength = 4;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(IsGramField(fieldName) ? new GramTokenizer(reader) : new BigramTokenizer(reader));

    /// <summary>The four-character grams that cover a word's runs of Chinese characters (none for shorter runs).</summary>
    public static IEnumerable<string> Grams(string word)
    {
        var run = 0;
        for (var i = 0; i <= word.Length; i++)
        {
            if (i < word.Length && IsHan(word[i]))
            {
                run++;
                continue;
            }
            var start = i - run;
            for (var offset = 0; run >= GramLength && offset < run; offset += GramLength)
                yield return word.Substring(start + Math.Min(offset, run - GramLength), GramLength);
            run = 0;
        }
    }

    /// <summary>The whole field into the buffer (grown as needed); returns its length. Catalog texts are a few thousand characters.</summary>
    private static int ReadAll(TextReader input, ref char[] buffer)
    {
        var length = 0;
        int read;
        while ((read = input.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
            if (length == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
        }
        return length;
    }

    internal static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or '\u3007';

    /// <summary>Every run of four Chinese characters, overlapping; nothing spans punctuation, letters or digits.</summary>
    private sealed class GramTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute term;
        private char[] text = new char[4096];
        private int length, at;

        public GramTokenizer(TextReader reader) : base(reader) => term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            ClearAttributes();
            while (at + GramLength <= length)
            {
                var gap = -1;
                for (var k = GramLength - 1; k >= 0 && gap < 0; k--)
                    gap = IsHan(text[at + k]) ? -1 : k;
                if (gap >= 0)
                {
                    at += gap + 1;
                    continue;
                }
                term.CopyBuffer(text, at++, GramLength);
                return true;
            }
            return false;
        }

        public override void Reset()
        {
            base.Reset();
            length = ReadAll(m_input, ref text);
            at = 0;
        }
    }

    private sealed class BigramTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute term;
        private readonly IOffsetAttribute offset;
        private readonly IPositionIncrementAttribute increment;
        private char[] text = new char[4096];
        private int length, at, lastEnd;

        public BigramTokenizer(TextReader reader) : base(reader)
        {
            term = AddAttribute<ICharTermAttribute>();
            offset = AddAttribute<IOffsetAttribute>();
            increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            while (at < length)
            {
                var c = text[at];
                if (IsHan(c))
                {
                    var start = at++;
                    if (at < length && IsHan(text[at]))
                        return Emit(start, 2);
                    if (start > 0 && IsHan(text[start - 1]))
                        continue; // the last character of a run: already in the bigram before it
                    return Emit(start, 1);
                }
                if (IsWord(c))
                {
                    var start = at;
                    while (at < length && IsWord(text[at]))
                        at++;
                    return Emit(start, at - start);
                }
                at++;
            }
            return false;
        }

        /// <summary>A token one position after the last, two when something (punctuation, a space) lies between them.</summary>
        private bool Emit(int start, int count)
        {
            term.CopyBuffer(text, start, count);
            increment.PositionIncrement = lastEnd >= 0 && start > lastEnd ? 2 : 1;
            offset.SetOffset(CorrectOffset(start), CorrectOffset(start + count));
            lastEnd = start + count;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            length = ReadAll(m_input, ref text);
            for (var i = 0; i < length; i++)
                text[i] = Fold(text[i]);
            (at, lastEnd) = (0, -1);
        }

        public override void End()
        {
            base.End();
            offset.SetOffset(CorrectOffset(length), CorrectOffset(length));
        }

        private static char Fold(char c) => c switch
        {
            >= '\uFF01' and <= '\uFF5E' => Lower((char)(c - 0xFEE0)),
            '\u3000' => ' ',
            _ => Lower(c),
        };

        private static char Lower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c < 128 ? c : char.ToLowerInvariant(c);

        private static bool IsWord(char c) => !IsHan(c) && (char.IsLetterOrDigit(c) || char.IsSurrogate(c));
    }
}
