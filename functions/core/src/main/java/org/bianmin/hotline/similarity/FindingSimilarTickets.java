package org.bianmin.hotline.similarity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;

/**
 * The likely duplicates of a ticket: candidates come from index queries, never a scan — the tickets of the same
 * category created within {@link #WINDOW} either side of it (open or closed alike), newest first and at most
 * {@link #CANDIDATES} of them — and each is scored by {@link DuplicateScorer}. The cost per call is therefore bounded
 * by {@link #CANDIDATES}, whatever the size of the table.
 */
public final class FindingSimilarTickets {

    static final Duration WINDOW = Duration.ofDays(60);
    static final int CANDIDATES = 400;
    public static final int RESULTS = 10;

    private final TicketStore tickets;
    private final ChineseAnalyzer analyzer;
    private final DuplicateScorer scorer = new DuplicateScorer();
    /**
     * Fingerprints of the candidates by tracking number. What a fingerprint is made of (text, address, grid,
     * coordinates, creation time) never changes after filing, so a warm instance analyses each candidate once instead
     * of at every check that reads it (the newest tickets of a category are the candidates of every new request).
     * Least recently used first out, at most {@value #REMEMBERED} (a few MB).
     */
    private final Map<String, RequestFingerprint> fingerprints = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RequestFingerprint> eldest) {
                    return size() > REMEMBERED;
                }
            });
    static final int REMEMBERED = 20_000;

    public FindingSimilarTickets(TicketStore tickets, ChineseAnalyzer analyzer) {
        this.tickets = tickets;
        this.analyzer = analyzer;
    }

    /** The likely duplicates among the tickets {@code visible} lets the caller see, best first. */
    public List<SimilarTicket> similarTo(Ticket ticket, Predicate<Ticket> visible) {
        RequestFingerprint subject = RequestFingerprint.of(ticket, analyzer);
        List<SimilarTicket> found = new ArrayList<>();
        for (Ticket candidate : candidates(ticket)) {
            if (!visible.test(candidate)) {
                continue;
            }
            SimilarityScore score = scorer.score(subject, fingerprint(candidate));
            if (score.likelyDuplicate()) {
                found.add(new SimilarTicket(candidate, score));
            }
        }
        found.sort(Comparator.comparingDouble((SimilarTicket s) -> s.score().score()).reversed());
        return found.size() > RESULTS ? found.subList(0, RESULTS) : found;
    }

    /**
     * The tracking numbers of the likely duplicates of a request about to be filed, best first, at most
     * {@code results}: the intake's check. It reads sketches (a fraction of each item) of the newest
     * {@code candidates} tickets of the category within {@link #WINDOW} before it, and scores them with fingerprints
     * remembered across calls, so its cost is one small index query and the new request's own analysis.
     */
    public List<String> likelyDuplicatesOf(Ticket draft, int candidates, int results) {
        RequestFingerprint subject = RequestFingerprint.of(draft, analyzer);
        List<SimilarityScore> found = new ArrayList<>();
        for (Ticket candidate : tickets.sketchesInCategory(draft.categoryCode(), draft.createdAt().minus(WINDOW),
                draft.createdAt(), candidates)) {
            if (candidate.trackingNumber().equals(draft.trackingNumber())) {
                continue;
            }
            SimilarityScore score = scorer.score(subject, fingerprint(candidate));
            if (score.likelyDuplicate()) {
                found.add(score);
            }
        }
        found.sort(Comparator.comparingDouble(SimilarityScore::score).reversed());
        return found.stream().limit(results).map(SimilarityScore::trackingNumber).toList();
    }

    private RequestFingerprint fingerprint(Ticket candidate) {
        RequestFingerprint known = fingerprints.get(candidate.trackingNumber());
        if (known != null && known.at().equals(candidate.createdAt())) {
            return known;
        }
        // analysed outside the lock: two checks may analyse the same ticket once each, never wait for each other
        RequestFingerprint fresh = RequestFingerprint.of(candidate, analyzer);
        fingerprints.put(candidate.trackingNumber(), fresh);
        return fresh;
    }

    /** Scores two given tickets (for evaluation). */
    public SimilarityScore compare(Ticket a, Ticket b) {
        return scorer.score(RequestFingerprint.of(a, analyzer), RequestFingerprint.of(b, analyzer));
    }

    private List<Ticket> candidates(Ticket ticket) {
        Instant from = ticket.createdAt().minus(WINDOW);
        Instant to = ticket.createdAt().plus(WINDOW);
        Map<String, Ticket> candidates = new LinkedHashMap<>();
        tickets.inCategory(ticket.categoryCode(), from, to, CANDIDATES)
                .forEach(t -> candidates.put(t.trackingNumber(), t));
        candidates.remove(ticket.trackingNumber());
        return new ArrayList<>(candidates.values());
    }
}
