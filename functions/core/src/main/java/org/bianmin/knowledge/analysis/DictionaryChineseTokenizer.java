package org.bianmin.knowledge.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.WordType;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Segments Chinese with the project dictionary first and SmartCN for everything in between.
 *
 * <p>SmartCN has no user dictionary, and it splits the words citizens use most (公积金 -> 公积/金,
 * 一网通办 -> 一/网/通/办). So within each run of Chinese characters the longest dictionary term wins
 * (forward maximum matching) and only the stretches between dictionary terms go to SmartCN's HMM segmenter.
 * Runs of Latin letters and digits (app, hpv, 12345) are single tokens; punctuation separates.
 */
final class DictionaryChineseTokenizer extends Tokenizer {

    private final AnalysisResources resources;
    private final HHMMSegmenter segmenter = new HHMMSegmenter();
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
    private final List<Span> spans = new ArrayList<>();
    private final StringBuilder buffer = new StringBuilder();
    private String text = "";
    private int next;

    private record Span(int start, int end) {
    }

    DictionaryChineseTokenizer(AnalysisResources resources) {
        this.resources = resources;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        buffer.setLength(0);
        char[] chunk = new char[1024];
        int read;
        while ((read = input.read(chunk)) > 0) {
            buffer.append(chunk, 0, read);
        }
        text = TextNormalizer.normalize(buffer);
        spans.clear();
        next = 0;
        segment();
    }

    @Override
    public boolean incrementToken() {
        if (next >= spans.size()) {
            return false;
        }
        clearAttributes();
        Span span = spans.get(next++);
        termAttribute.setEmpty().append(text, span.start, span.end);
        offsetAttribute.setOffset(correctOffset(span.start), correctOffset(span.end));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(text.length());
        offsetAttribute.setOffset(last, last);
    }

    private void segment() {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isChinese(c)) {
                int end = i;
                while (end < n && isChinese(text.charAt(end))) {
                    end++;
                }
                segmentChinese(i, end);
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                int end = i;
                while (end < n && Character.isLetterOrDigit(text.charAt(end)) && !isChinese(text.charAt(end))) {
                    end++;
                }
                spans.add(new Span(i, end));
                i = end;
            } else {
                i++;
            }
        }
    }

    private void segmentChinese(int start, int end) {
        int gapStart = -1;
        int pos = start;
        while (pos < end) {
            int length = longestTermAt(pos, end);
            if (length > 0) {
                if (gapStart >= 0) {
                    segmentWithSmartCn(gapStart, pos);
                    gapStart = -1;
                }
                spans.add(new Span(pos, pos + length));
                pos += length;
            } else {
                if (gapStart < 0) {
                    gapStart = pos;
                }
                pos++;
            }
        }
        if (gapStart >= 0) {
            segmentWithSmartCn(gapStart, end);
        }
    }

    private int longestTermAt(int pos, int end) {
        for (int length = Math.min(resources.longestTerm(), end - pos); length >= 2; length--) {
            if (resources.isTerm(text.substring(pos, pos + length))) {
                return length;
            }
        }
        return 0;
    }

    private void segmentWithSmartCn(int start, int end) {
        if (end - start == 1) {
            spans.add(new Span(start, end));
            return;
        }
        for (SegToken token : segmenter.process(text.substring(start, end))) {
            if (token.wordType == WordType.SENTENCE_BEGIN || token.wordType == WordType.SENTENCE_END
                    || token.wordType == WordType.DELIMITER) {
                continue;
            }
            spans.add(new Span(start + token.startOffset, start + token.endOffset));
        }
    }

    static boolean isChinese(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
