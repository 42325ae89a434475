package org.bianmin.hotline.similarity;

import java.util.List;
import org.bianmin.hotline.application.DuplicateCheck;
import org.bianmin.hotline.model.Ticket;

/**
 * The intake's similarity check: the likely duplicates of a new request among the tickets of its category from the
 * last {@link FindingSimilarTickets#WINDOW} (open, and closed within that window), whatever their department, so
 * the dispatch centre sees them on the new ticket. Bounded by one index query like every similarity lookup.
 */
public final class CheckingDuplicatesAtIntake implements DuplicateCheck {

    /** How many likely duplicates are kept with a ticket: enough for the agent desk's 重复件 flag and list. */
    static final int KEPT = 5;

    private final FindingSimilarTickets similar;

    public CheckingDuplicatesAtIntake(FindingSimilarTickets similar) {
        this.similar = similar;
    }

    /**
     * How many of the newest tickets of the category the check reads: half of the staff lookup's
     * {@link FindingSimilarTickets#CANDIDATES}, to keep the intake's added latency small (docs/benchmarks.md); a
     * dispatcher's {@code GET .../similar} still reads the full set.
     */
    static final int CANDIDATES = 200;

    @Override
    public List<String> likelyDuplicates(Ticket draft) {
        return similar.likelyDuplicatesOf(draft, CANDIDATES, KEPT);
    }
}
