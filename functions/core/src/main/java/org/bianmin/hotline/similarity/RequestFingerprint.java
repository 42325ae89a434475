package org.bianmin.hotline.similarity;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;

/**
 * What the comparison needs of a ticket, computed once: its places (from the text and the address), its problem
 * words (the analyzer's tokens of two or more characters, neither generic nor part of a place) in the whole text
 * and in its head, grid, coordinates, time.
 */
public record RequestFingerprint(String trackingNumber, Set<String> places, Set<String> words, Set<String> headWords,
                                 String gridCode, Double lat, Double lon, Instant at) {

    /** How much of a one-line text counts as its head, where callers name the problem. */
    static final int HEAD_LENGTH = 50;

    public static RequestFingerprint of(Ticket ticket, ChineseAnalyzer analyzer) {
        String address = ticket.location() == null ? null : ticket.location().address();
        Set<String> places = PlaceNames.of(ticket.text());
        places.addAll(PlaceNames.of(address));
        Set<String> words = problemWords(ticket.text(), places, analyzer);
        return new RequestFingerprint(ticket.trackingNumber(), places, words,
                problemWords(head(ticket.text()), places, analyzer),
                ticket.grid() == null ? null : ticket.grid().code(),
                ticket.location() == null ? null : ticket.location().lat(),
                ticket.location() == null ? null : ticket.location().lon(), ticket.createdAt());
    }

    /**
     * The head of a text: its first line when it has several (an imported message's subject), else its first
     * {@value #HEAD_LENGTH} characters. Citizens name the problem first; what follows is detail and emotion.
     */
    static String head(String text) {
        int line = text.indexOf('\n');
        String head = line > 0 ? text.substring(0, line) : text;
        return head.length() > HEAD_LENGTH ? head.substring(0, HEAD_LENGTH) : head;
    }

    private static Set<String> problemWords(String text, Set<String> places, ChineseAnalyzer analyzer) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : analyzer.tokens(text)) {
            if (token.codePointCount(0, token.length()) >= 2 && !GenericWords.contains(token)
                    && places.stream().noneMatch(p -> p.contains(token))) {
                words.add(token);
            }
        }
        return words;
    }
}
