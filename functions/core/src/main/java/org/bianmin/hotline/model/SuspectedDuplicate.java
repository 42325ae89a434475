package org.bianmin.hotline.model;

/**
 * Whether a ticket still waits for a dispatcher's judgement as a duplicate (the desk's 重复件 view): the intake's
 * similarity check found likely duplicates of it, it is still open, and nobody has handled it as a duplicate yet.
 * Handled means linked into an incident (合并办理), or linked once and taken out again: an unlink is the dispatcher
 * saying it is to be handled alone, so it does not come back to the view. A finished ticket has nothing left to merge.
 */
public final class SuspectedDuplicate {

    /** The audit action of taking a ticket out of its incident. */
    static final String UNLINK = "UNLINK";

    private SuspectedDuplicate() {
    }

    public static boolean awaitingReview(Ticket ticket) {
        return !ticket.likelyDuplicates().isEmpty()
                && ticket.status().isOpen()
                && ticket.incidentId() == null
                && ticket.events().stream().noneMatch(e -> UNLINK.equals(e.action()));
    }
}
