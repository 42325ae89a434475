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

    /** A department's (or, with a null department, everyone's) tickets in a status, newest first. */
    java.util.List<Ticket> list(String department, TicketStatus status, int limit);

    /** Open, not yet escalated tickets whose deadline has passed, earliest first. */
    java.util.List<Ticket> overdue(java.time.Instant now, int limit);

    /** Every ticket (for statistics; a scan, fine at a city's daily volumes, see docs/hotline.md). */
    java.util.List<Ticket> all();
}
