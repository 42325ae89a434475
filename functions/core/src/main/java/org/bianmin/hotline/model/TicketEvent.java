package org.bianmin.hotline.model;

import java.time.Instant;

/**
 * One line of a ticket's audit trail: who did what, when, from which status to which, and why. {@code actor} is the
 * identifier (a staff subject, {@code citizen}, {@code channel:chatbot}, a system job); {@code actorName} is what a
 * person reading the trail calls them (the department or the dispatch centre), kept when the event is written
 * because the identifier alone does not say it; null on events written before it was kept.
 */
public record TicketEvent(Instant at, String actor, String action, TicketStatus from, TicketStatus to, String note,
                          String actorName) {

    /** An event without a display name for its actor (citizens, channels and system jobs are named by their id). */
    public TicketEvent(Instant at, String actor, String action, TicketStatus from, TicketStatus to, String note) {
        this(at, actor, action, from, to, note, null);
    }

    /** An internal note: staff only, never on the citizen's timeline. */
    public static final String NOTE = "NOTE";
    /** A reply to the citizen: on the citizen's timeline. */
    public static final String REPLY = "REPLY";
    /** The dispatch queue's delivery receipt: no change of status, folded into the dispatch it belongs to. */
    public static final String NOTIFY = "NOTIFY";

    /** Whether this event changed nothing about the ticket's status (notes, replies, delivery receipts). */
    public boolean keepsStatus() {
        return from == to;
    }
}
