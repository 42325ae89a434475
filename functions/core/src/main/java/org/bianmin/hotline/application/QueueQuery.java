package org.bianmin.hotline.application;

import java.time.Instant;
import java.util.List;
import org.bianmin.hotline.model.TicketStatus;

/**
 * What an agent's queue asks the ticket store for: a department's tickets (or, with none, everyone's) in some
 * statuses, in one order, optionally only those due in a time window and only those whose text contains a phrase.
 * Every combination is served by index queries: by status and creation time, by open deadline, or, for the suspected
 * duplicates, by the sparse index of those.
 *
 * @param department the department, or null for every department (the dispatch centre)
 * @param statuses the statuses asked for (at most {@link TicketStore#MAX_PARTITIONS})
 * @param order the order; {@link Order#DUE} and {@link Order#PRIORITY} list open tickets only (the deadline index),
 *     since a finished ticket has no deadline left to sort by
 * @param dueFrom only tickets due at or after this, or null
 * @param dueBefore only tickets due before this, or null
 * @param text only tickets whose text contains this, or null
 * @param suspectedDuplicates only open tickets still waiting to be judged as duplicates
 *     ({@link org.bianmin.hotline.model.SuspectedDuplicate}), newest first whatever the order asked
 */
public record QueueQuery(String department, List<TicketStatus> statuses, Order order, Instant dueFrom, Instant dueBefore,
                         String text, boolean suspectedDuplicates) {

    public QueueQuery {
        statuses = List.copyOf(statuses);
        if (suspectedDuplicates) {
            // read from their own sparse index, which is ordered by creation: the newest suspected duplicate on top
            order = Order.CREATED;
        } else if (dueFrom != null || dueBefore != null) {
            // a window on the deadline is read from the deadline index, which is ordered by it
            order = order == Order.PRIORITY ? Order.PRIORITY : Order.DUE;
        }
    }

    /** Any listing but the suspected duplicates. */
    public QueueQuery(String department, List<TicketStatus> statuses, Order order, Instant dueFrom, Instant dueBefore,
                      String text) {
        this(department, statuses, order, dueFrom, dueBefore, text, false);
    }

    /** How a queue is sorted. */
    public enum Order {
        /** Newest first. */
        CREATED,
        /** Earliest deadline first. */
        DUE,
        /** Urgent before normal before consultation, then earliest deadline first. */
        PRIORITY
    }

    /** Whether the deadline index serves this query (open tickets only). */
    public boolean byDeadline() {
        return order != Order.CREATED;
    }

    /** Whether the query has a window on the deadline (the timed views). */
    public boolean deadlineWindow() {
        return dueFrom != null || dueBefore != null;
    }
}
