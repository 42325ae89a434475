package org.bianmin.hotline.model;

import java.time.Instant;

/** One line of a ticket's audit trail: who did what, when, from which status to which, and why. */
public record TicketEvent(Instant at, String actor, String action, TicketStatus from, TicketStatus to, String note) {
}
