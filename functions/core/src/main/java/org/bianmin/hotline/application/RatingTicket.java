package org.bianmin.hotline.application;

import java.time.Clock;
import org.bianmin.hotline.application.TransitionRefusedException.Reason;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketAction;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketLifecycle;
import org.bianmin.hotline.model.TicketStatus;

/**
 * The return visit (回访): the citizen rates a resolved ticket 1-5 and either accepts the result (the ticket is
 * closed) or asks for it to be handled again (reopened, back to dispatch). Written with optimistic locking.
 */
public final class RatingTicket {

    private final TicketStore tickets;
    private final Clock clock;

    public RatingTicket(TicketStore tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    /** @param ticket the ticket the citizen proved access to (tracking number and code) */
    public Ticket rate(Ticket ticket, int stars, String comment, boolean reopen) {
        TicketAction action = reopen ? TicketAction.REOPEN : TicketAction.CLOSE;
        String note = "满意度" + stars + "星" + (comment == null || comment.isBlank() ? "" : "：" + comment.strip());
        try {
            return tickets.modify(ticket.trackingNumber(), current -> {
                if (current.status() != TicketStatus.RESOLVED) {
                    throw new TransitionRefusedException(Reason.ILLEGAL_TRANSITION, "只有已办结的诉求才能评价。");
                }
                TicketStatus next = TicketLifecycle.next(current.status(), action).orElseThrow();
                return current.rated(stars, next, new TicketEvent(clock.instant(), "citizen", "RATE_" + action.name(),
                        current.status(), next, note));
            }).orElseThrow().after();
        } catch (ConcurrentTicketUpdateException e) {
            throw new TransitionRefusedException(Reason.CONCURRENT_UPDATE, "诉求正在处理中，请稍后再评价。");
        }
    }
}
