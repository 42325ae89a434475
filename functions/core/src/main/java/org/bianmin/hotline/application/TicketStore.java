package org.bianmin.hotline.application;

import java.util.Optional;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketStatus;

/** Where tickets live (DynamoDB). */
public interface TicketStore {

    /** Stores a new ticket; false when the tracking number is already taken (the caller draws another). */
    boolean create(Ticket ticket);

    Optional<Ticket> find(String trackingNumber);

    /** Replaces the ticket if its stored version is still {@code expectedVersion}; false if someone got in first. */
    boolean update(Ticket ticket, long expectedVersion);

    /** How often {@link #modify} re-reads and re-applies a change when another writer got in first. */
    int MODIFY_ATTEMPTS = 5;

    /**
     * Reads the ticket, applies {@code change} and stores the result under optimistic locking; when someone else
     * updated the ticket in between, re-reads and re-applies (the change sees the newest ticket each time, and may
     * throw to refuse). The one read-modify-retry loop of the hotline.
     *
     * @return the ticket before and after, or empty when there is no such ticket
     * @throws ConcurrentTicketUpdateException when the ticket kept changing for {@value #MODIFY_ATTEMPTS} attempts
     */
    default Optional<Modification> modify(String trackingNumber, java.util.function.UnaryOperator<Ticket> change) {
        for (int attempt = 0; attempt < MODIFY_ATTEMPTS; attempt++) {
            Optional<Ticket> found = find(trackingNumber);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Ticket before = found.get();
            Ticket after = change.apply(before);
            if (update(after, before.version())) {
                return Optional.of(new Modification(before, after));
            }
        }
        throw new ConcurrentTicketUpdateException(trackingNumber);
    }

    /** A stored change: the ticket as it was read and as it was written. */
    record Modification(Ticket before, Ticket after) {
    }

    /** How many partitions one listing may merge (one per status or category asked for). */
    int MAX_PARTITIONS = 20;

    /**
     * One page of a department's (or, with a null department, everyone's) tickets in any of {@code statuses},
     * newest first: one index query per status, merged ({@link org.bianmin.store.MergedQuery}).
     *
     * @throws org.bianmin.store.InvalidCursorException when {@code cursor} was not issued for this same listing
     */
    org.bianmin.store.Page<Ticket> list(String department, java.util.List<TicketStatus> statuses, int limit, String cursor);

    /**
     * One page of the tickets created in [{@code from}, {@code to}], newest first: of the given categories (all when
     * empty), and only open or only finished ones when {@code open} is not null. Index queries by category or by
     * status, never a scan.
     *
     * @throws org.bianmin.store.InvalidCursorException when {@code cursor} was not issued for this same listing
     */
    org.bianmin.store.Page<Ticket> created(java.time.Instant from, java.time.Instant to, java.util.List<String> categoryCodes,
                                           Boolean open, int limit, String cursor);

    /** Open, not yet escalated tickets whose deadline has passed, earliest first. */
    java.util.List<Ticket> overdue(java.time.Instant now, int limit);

    /** The tickets imported under an earlier system's identifier (one, unless that system reused identifiers). */
    java.util.List<Ticket> withExternalId(String externalId);

    /**
     * Sketches of a category's tickets created in [{@code from}, {@code to}], newest first, at most {@code limit}:
     * tickets carrying only what the intake's similarity check reads (tracking number, text, place, grid code,
     * creation time, status), every other field null or empty. One index query that reads a fraction of each item,
     * so the check stays cheap at the intake; never store or show a sketch.
     */
    default java.util.List<Ticket> sketchesInCategory(String categoryCode, java.time.Instant from, java.time.Instant to,
                                                       int limit) {
        return inCategory(categoryCode, from, to, limit);
    }

    /** A category's tickets created in [{@code from}, {@code to}], newest first, at most {@code limit}. */
    java.util.List<Ticket> inCategory(String categoryCode, java.time.Instant from, java.time.Instant to, int limit);

    /**
     * The tickets created in [{@code from}, {@code to}], of every status: read through the status index (one
     * query per status, the range on its sort key), so the cost follows the tickets in the range, not the table.
     */
    java.util.List<Ticket> createdBetween(java.time.Instant from, java.time.Instant to);

    /**
     * One page of an agent's queue ({@link QueueQuery}): index queries merged in the query's order, the text phrase
     * a filter on what they read, so a page costs at most a bounded number of reads per partition.
     *
     * @throws org.bianmin.store.InvalidCursorException when {@code cursor} was not issued for this same query
     */
    org.bianmin.store.Page<Ticket> queue(QueueQuery query, int limit, String cursor);

    /** How many tickets {@link #queue} would list in all: counted by the same index queries (no items returned). */
    long count(QueueQuery query);

    /** A caller's tickets, newest first, at most {@code limit}: the phone-hash index, one query per hash given. */
    java.util.List<Ticket> withPhoneHashes(java.util.List<String> phoneHashes, int limit);
}
