package org.bianmin.knowledge.analysis;

/**
 * Folds full-width ASCII (Ｗｉｆｉ，１２３４５) to half-width and lowercases Latin letters, keeping the length
 * of the text so token offsets stay valid.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(CharSequence text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(text.charAt(i));
        }
        return new String(chars);
    }

    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            c = ' ';
        }
        return Character.toLowerCase(c);
    }
}
