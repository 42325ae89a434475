package org.bianmin.knowledge.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Chinese text into folded pinyin syllable bigrams ("公积金提取" -> gong_ji ji_jin jin_ti ti_qu), the tokens of
 * the pinyin search field. A recognizer that hears 公积金 and writes 公鸡金, 社保卡 as 设保卡 or 护照 as 户照 gets the
 * words wrong and the sounds right, so the sounds are matched too.
 *
 * <p>Why bigrams of the whole run rather than the pinyin of each word: a misheard character changes the
 * segmentation ("公鸡/金" against "公积金"), but not the sequence of sounds. Single syllables would match almost
 * every entry; pairs are about as specific as two-character words. Only the syllables of content words count
 * (stop words are left out, as in the word fields), and a run ends at punctuation, so pairs do not span clauses.
 * Measured against pairs of every character (stop words kept): those ranked the plain evaluation set slightly
 * better but answered fewer dialect questions through the inquiry, because pairs such as zen_me (怎么) raise the
 * sound coverage of unrelated entries. The cost of leaving stop words out: a misheard character that is a stop
 * word (一 for 疫 in 打一苗) drops out of the pairs; its neighbours still match.
 *
 * <p>The syllables come from HanLP's pinyin dictionary, which reads polyphones by word (银行 hang, 行驶 xing),
 * toneless, then {@link PinyinFolding}. Pure function of the text: both engines index and query the same tokens.
 */
final class PinyinTranscriber {

    /** Joins the two syllables of a token; never in a syllable, and kept whole by a whitespace analyzer. */
    static final char JOIN = '_';

    /**
     * The bigrams of a text whose content words span {@code spans} (start and end offsets of the analyzer's
     * tokens, in order). Offsets refer to {@code normalized}, which has the length of the original text.
     */
    List<String> bigrams(String normalized, List<int[]> spans) {
        List<String> tokens = new ArrayList<>();
        if (spans.isEmpty()) {
            return tokens;
        }
        List<Pinyin> sounds = HanLP.convertToPinyinList(normalized);
        if (sounds.size() != normalized.length()) {
            return tokens; // never seen; without a per-character reading there is nothing safe to index
        }
        String previous = null;
        int previousEnd = -1;
        for (int[] span : spans) {
            if (previousEnd >= 0 && breaksRun(normalized, previousEnd, span[0])) {
                previous = null;
            }
            for (int i = span[0]; i < span[1]; i++) {
                String syllable = syllable(normalized.charAt(i), sounds.get(i));
                if (syllable == null) {
                    previous = null;
                    continue;
                }
                if (previous != null) {
                    tokens.add(previous + JOIN + syllable);
                }
                previous = syllable;
            }
            previousEnd = span[1];
        }
        return tokens;
    }

    /** Punctuation, spaces or Latin text between two content words end a run; dropped stop words do not. */
    private static boolean breaksRun(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHan(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String syllable(char c, Pinyin pinyin) {
        if (!isHan(c) || pinyin == null || pinyin == Pinyin.none5) {
            return null;
        }
        return PinyinFolding.fold(pinyin.getPinyinWithoutTone());
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
