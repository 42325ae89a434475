package org.bianmin.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the asking clause of a long message. A caller telling a story says a lot about their life (孩子, 老家, 上班)
 * and asks once, usually near the end ("这个年报怎么报", "老账户里的钱能不能转过去"); the story's words match many
 * entries, the asking clause says which one. Its words are weighted up, so the story still counts but the question
 * decides between close entries. Short questions are all question and are left as they are.
 */
final class QuestionFocus {

    /** Below this many words a message is a question, not a story. */
    static final int MIN_STORY_WORDS = 16;
    /** How much more a word of the asking clause weighs than a word of the story. */
    static final float WEIGHT = 2.0f;

    private static final Pattern CLAUSES = Pattern.compile("[，。？！；,.?!;\\s]+");
    private static final Pattern ASKS = Pattern.compile("怎么|怎样|如何|哪|什么|吗|能不能|能否|可不可以|多少|多久|几|谁|咋|啥|是否|[？?]");

    private QuestionFocus() {
    }

    /** Whether a question of this many distinct words is a caller's story rather than a question. */
    static boolean isStory(int words) {
        return words >= MIN_STORY_WORDS;
    }

    /**
     * Where the asking clause of a story is in the text ({start, end}): the last clause with a question word, else
     * the last clause; null for a short question.
     */
    static int[] askingClause(String text, int words) {
        if (!isStory(words)) {
            return null;
        }
        List<int[]> clauses = clauses(text);
        for (int i = clauses.size() - 1; i >= 0; i--) {
            int[] clause = clauses.get(i);
            if (ASKS.matcher(text).region(clause[0], clause[1]).find()) {
                return clause;
            }
        }
        return clauses.isEmpty() ? null : clauses.get(clauses.size() - 1);
    }

    /** The text's clauses ({start, end} each), split at punctuation and spaces. */
    static List<int[]> clauses(String text) {
        List<int[]> clauses = new ArrayList<>();
        Matcher separators = CLAUSES.matcher(text);
        int start = 0;
        while (separators.find()) {
            if (separators.start() > start) {
                clauses.add(new int[] {start, separators.start()});
            }
            start = separators.end();
        }
        if (start < text.length()) {
            clauses.add(new int[] {start, text.length()});
        }
        return clauses;
    }
}
