package org.bianmin.knowledge.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The one analyzer of the project, used to index and to query by both engines: dictionary-first segmentation
 * with SmartCN in between, stop words removed, synonyms folded to a canonical token.
 *
 * <p>Elasticsearch never analyzes Chinese itself: it receives {@link #analyzedText} (tokens joined by spaces)
 * into whitespace-analyzed fields, so both engines score identical tokens with BM25.
 */
public final class ChineseAnalyzer extends Analyzer {

    private final AnalysisResources resources;
    private final CharArraySet stopWords;
    private final PinyinTranscriber pinyin = new PinyinTranscriber();

    public ChineseAnalyzer(AnalysisResources resources) {
        this.resources = resources;
        this.stopWords = CharArraySet.unmodifiableSet(new CharArraySet(resources.stopWords(), false));
    }

    public static ChineseAnalyzer withDefaultResources() {
        return new ChineseAnalyzer(AnalysisResources.loadDefault());
    }

    /** Identifies the analysis data this analyzer segments with ({@link AnalysisResources#fingerprint}). */
    public String resourcesFingerprint() {
        return resources.fingerprint();
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new DictionaryChineseTokenizer(resources);
        TokenStream stream = new StopFilter(tokenizer, stopWords);
        stream = new CanonicalSynonymFilter(stream, resources);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** The tokens of a text, in order, duplicates kept. */
    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /**
     * A text's tokens with where each was said: one pass of the analyzer gives the words, the pinyin pairs
     * ({@link #pinyinTokens(Analysis)}) and the words of a part of the text ({@link Analysis#tokensWithin}).
     */
    public record Analysis(String text, List<String> tokens, List<int[]> spans) {

        /** The tokens said within {@code [start, end)} of the text. */
        public List<String> tokensWithin(int start, int end) {
            List<String> within = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                if (spans.get(i)[0] >= start && spans.get(i)[1] <= end) {
                    within.add(tokens.get(i));
                }
            }
            return within;
        }
    }

    public Analysis analysis(String text) {
        List<String> tokens = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        try (TokenStream stream = tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
                spans.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Analysis(text, tokens, spans);
    }

    /**
     * The folded pinyin syllable pairs of the text's content words ({@link PinyinTranscriber}): the tokens of
     * the pinyin field, so a misheard 公鸡金 meets 公积金. In order, duplicates kept.
     */
    public List<String> pinyinTokens(String text) {
        return pinyinTokens(analysis(text));
    }

    /** The same, from an analysis already made (the analyzer's segmentation is most of the cost). */
    public List<String> pinyinTokens(Analysis analysis) {
        return pinyin.bigrams(TextNormalizer.normalize(analysis.text()), analysis.spans());
    }

    /** {@link #pinyinTokens} joined by single spaces. */
    public String pinyinText(String text) {
        return String.join(" ", pinyinTokens(text));
    }

    /** The tokens joined by single spaces: what a whitespace-analyzed field receives. */
    public String analyzedText(String text) {
        return String.join(" ", tokens(text));
    }
}
