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
            SimilarityScore score = scorer.score(subject, RequestFingerprint.of(candidate, analyzer));
            if (score.likelyDuplicate()) {
                found.add(new SimilarTicket(candidate, score));
            }
        }
        found.sort(Comparator.comparingDouble((SimilarTicket s) -> s.score().score()).reversed());
        return found.size() > RESULTS ? found.subList(0, RESULTS) : found;
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
