package org.bianmin.hotline.application;

import java.time.Clock;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;

/**
 * Consumes a dispatch notification: hands it to the department (for now, the department's view of its queue) and
 * records the delivery on the ticket's audit trail, so staff and the citizen's history show when the department
 * was told. Throws when the ticket does not exist, so the queue retries and finally dead-letters the message.
 */
public final class DeliveringDispatchNotification {

    private final TicketStore tickets;
    private final Clock clock;

    public DeliveringDispatchNotification(TicketStore tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    public void deliver(DispatchNotification notification) {
        tickets.modify(notification.trackingNumber(), ticket -> ticket.transitioned(ticket.status(), ticket.department(),
                new TicketEvent(clock.instant(), "dispatch-queue", "NOTIFY", ticket.status(), ticket.status(),
                        "已通知" + notification.department() + (notification.grid() == null ? "" : "、" + notification.grid()))))
                .orElseThrow(() -> new IllegalArgumentException("no ticket " + notification.trackingNumber()));
    }
}
