package org.bianmin.hotline.application;

import java.time.Clock;
import org.bianmin.hotline.application.TransitionRefusedException.Reason;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;

/**
 * Adds a note to a ticket without changing its status: an internal note for colleagues (never shown to the
 * citizen) or a reply the citizen reads on their timeline. Kept apart by the event's action, so what the citizen
 * sees is decided in one place ({@link org.bianmin.hotline.model.PublicTimeline}). Whoever may see the ticket may
 * annotate it.
 */
public final class AddingTicketNote {

    public static final int MAX_LENGTH = 1000;

    private final TicketStore tickets;
    private final Clock clock;

    public AddingTicketNote(TicketStore tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    /** @param forCitizen true for a reply on the citizen's timeline, false for an internal note */
    public Ticket add(String trackingNumber, String text, boolean forCitizen, StaffMember actor) {
        if (text == null || text.isBlank()) {
            throw new TransitionRefusedException(Reason.NOTE_REQUIRED, "请填写内容。");
        }
        String note = text.strip();
        try {
            return tickets.modify(trackingNumber, ticket -> {
                if (!actor.mayAccess(ticket)) {
                    throw new TransitionRefusedException(Reason.FORBIDDEN, "无权处理该工单。");
                }
                return ticket.transitioned(ticket.status(), ticket.department(), new TicketEvent(clock.instant(),
                        actor.subject(), forCitizen ? TicketEvent.REPLY : TicketEvent.NOTE, ticket.status(), ticket.status(),
                        note, actor.displayName()));
            }).orElseThrow(() -> new TransitionRefusedException(Reason.NOT_FOUND, "没有这个工单。")).after();
        } catch (ConcurrentTicketUpdateException e) {
            throw new TransitionRefusedException(Reason.CONCURRENT_UPDATE, "工单正在被他人处理，请刷新后重试。");
        }
    }
}
