package org.bianmin.knowledge.analysis;

/**
 * Folds a toneless pinyin syllable onto the sounds a speech recognizer (or a southern speaker) confuses:
 * retroflex and flat initials (zh/z, ch/c, sh/s), n/l and h/f, and the front and back nasal finals (an/ang,
 * en/eng, in/ing; so ian/iang and uan/uang too). Two syllables that fold alike are treated as the same sound.
 */
public final class PinyinFolding {

    private PinyinFolding() {
    }

    public static String fold(String syllable) {
        String s = syllable.replace('ü', 'v');
        if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
            s = s.charAt(0) + s.substring(2);
        } else if (s.startsWith("l")) {
            s = "n" + s.substring(1);
        } else if (s.startsWith("f")) {
            s = "h" + s.substring(1);
        }
        // "ong" stays: it is not confused with "on", which does not exist
        if (s.endsWith("ang") || s.endsWith("eng") || s.endsWith("ing")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
