package org.bianmin.hotline.similarity;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;

/**
 * What the comparison needs of a ticket, computed once: its places (from the text and the address), its problem
 * words (the analyzer's tokens of two or more characters, neither generic nor part of a place) in the whole text
 * and in its head, grid, coordinates, time. The text is analysed once: places, words and head words all come from
 * that one segmentation.
 */
public record RequestFingerprint(String trackingNumber, Set<String> places, Set<String> words, Set<String> headWords,
                                 String gridCode, Double lat, Double lon, Instant at) {

    /** How much of a one-line text counts as its head, where callers name the problem. */
    static final int HEAD_LENGTH = 50;

    public static RequestFingerprint of(Ticket ticket, ChineseAnalyzer analyzer) {
        String address = ticket.location() == null ? null : ticket.location().address();
        ChineseAnalyzer.Analysis analysis = analyzer.analysis(ticket.text());
        Set<String> places = PlaceNames.of(analysis);
        places.addAll(PlaceNames.of(address, analyzer));
        Set<String> words = problemWords(analysis.tokens(), places);
        Set<String> headWords = problemWords(analysis.tokensWithin(0, headEnd(ticket.text())), places);
        return new RequestFingerprint(ticket.trackingNumber(), firstPlaces(places), words, headWords,
                ticket.grid() == null ? null : ticket.grid().code(),
                ticket.location() == null ? null : ticket.location().lat(),
                ticket.location() == null ? null : ticket.location().lon(), ticket.createdAt());
    }

    /**
     * The places a request is about: the first {@value #PLACES} it names. Citizens name their own place first; a
     * letter that goes on to list a dozen roads (other sites proposed for a hospital, the routes of a bus line) is
     * not about each of them, and one of those roads in common with an unrelated request is no shared place.
     */
    private static Set<String> firstPlaces(Set<String> places) {
        Set<String> first = new LinkedHashSet<>();
        for (String place : places) {
            if (first.size() == PLACES) {
                break;
            }
            first.add(place);
        }
        return first;
    }

    /** How many of the places a request names, in writing order, count as its places. */
    static final int PLACES = 6;

    /**
     * Where the head of a text ends: at its first line break when it has several lines (an imported message's
     * subject), and within the first {@value #HEAD_LENGTH} characters. Citizens name the problem first; what follows
     * is detail and emotion.
     */
    static int headEnd(String text) {
        int line = text.indexOf('\n');
        int end = line > 0 ? line : text.length();
        return Math.min(end, HEAD_LENGTH);
    }

    private static Set<String> problemWords(List<String> tokens, Set<String> places) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : tokens) {
            if (token.codePointCount(0, token.length()) >= 2 && !GenericWords.contains(token)
                    && places.stream().noneMatch(p -> p.contains(token))) {
                words.add(token);
            }
        }
        return words;
    }
}
