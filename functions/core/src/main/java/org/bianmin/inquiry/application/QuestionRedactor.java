package org.bianmin.inquiry.application;

import java.util.regex.Pattern;

/**
 * Masks what a citizen may have typed into a question that staff reading the gap list must not see: runs of
 * digits long enough to be a phone, ID, bank card or licence number (with an ID number's final X). Short numbers
 * ("3岁", "2026年") stay, because they are often the point of the question.
 */
final class QuestionRedactor {

    private static final Pattern LONG_NUMBER = Pattern.compile("[0-9０-９][0-9０-９ \\-]{5,}[0-9０-９Xx]");

    private QuestionRedactor() {
    }

    static String redact(String question) {
        return LONG_NUMBER.matcher(question).replaceAll("＊＊＊");
    }
}
