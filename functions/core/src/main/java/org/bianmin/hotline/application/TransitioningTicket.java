package org.bianmin.hotline.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.bianmin.hotline.application.TransitionRefusedException.Reason;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketAction;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketLifecycle;
import org.bianmin.hotline.model.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a ticket through its lifecycle on behalf of a staff member: checks who may act, whether the transition is
 * legal from the current status, appends the audit event, and writes with optimistic locking. When another action
 * got in first, the ticket is read again and the action re-checked against the new status, so concurrent actions
 * never overwrite each other and never skip the rules.
 */
public final class TransitioningTicket {

    private static final Logger log = LoggerFactory.getLogger(TransitioningTicket.class);

    private final TicketStore tickets;
    private final Clock clock;
    private final DispatchQueue dispatchQueue;
    /** Where a ticket may be dispatched: the taxonomy's departments and the dispatch centre's own triage queue. */
    private final Set<String> departments;

    /** @param departments the departments that exist (the taxonomy's); a dispatch elsewhere is refused */
    public TransitioningTicket(TicketStore tickets, Clock clock, DispatchQueue dispatchQueue, Collection<String> departments) {
        this.tickets = tickets;
        this.clock = clock;
        this.dispatchQueue = dispatchQueue;
        Set<String> known = new TreeSet<>(departments);
        known.add(FilingRequest.TRIAGE_DEPARTMENT);
        this.departments = Collections.unmodifiableSet(known);
    }

    /** Without dispatch notifications, over the default taxonomy's departments (tests of the lifecycle rules alone). */
    public TransitioningTicket(TicketStore tickets, Clock clock) {
        this(tickets, clock, notification -> { }, Taxonomy.loadDefault().departments());
    }

    /**
     * @param department for DISPATCH only: the department to send the ticket to (default: where it is)
     */
    public Ticket transition(String trackingNumber, TicketAction action, String note, String department, StaffMember actor) {
        if (TicketLifecycle.needsNote(action) && (note == null || note.isBlank())) {
            throw new TransitionRefusedException(Reason.NOTE_REQUIRED, "该操作需要填写说明（办结情况或退单原因）。");
        }
        String target = department == null || department.isBlank() ? null : department.strip();
        if (action == TicketAction.DISPATCH && target != null && !departments.contains(target)) {
            // refused before the ticket is read, so it stays where it is: never in a queue nobody reads
            throw new TransitionRefusedException(Reason.UNKNOWN_DEPARTMENT, "没有这个部门：" + target
                    + "。可分派的部门：" + String.join("、", departments) + "。");
        }
        Instant now = clock.instant();
        TicketStore.Modification done;
        try {
            done = tickets.modify(trackingNumber, ticket -> {
                if (!actor.mayAccess(ticket)) {
                    throw new TransitionRefusedException(Reason.FORBIDDEN, "无权处理其他部门的工单。");
                }
                if (!actor.dispatchCentre() && !TicketLifecycle.departmentMay(action)) {
                    throw new TransitionRefusedException(Reason.FORBIDDEN, "该操作只能由分拨中心执行。");
                }
                TicketStatus next = TicketLifecycle.next(ticket.status(), action).orElseThrow(() ->
                        new TransitionRefusedException(Reason.ILLEGAL_TRANSITION,
                                "工单当前状态为 " + ticket.status() + "，不能执行 " + action.wireName() + "。"));
                String nextDepartment = action == TicketAction.DISPATCH && target != null ? target : ticket.department();
                return ticket.transitioned(next, nextDepartment,
                        new TicketEvent(now, actor.subject(), action.name(), ticket.status(), next, note));
            }).orElseThrow(() -> new TransitionRefusedException(Reason.NOT_FOUND, "没有这个工单。"));
        } catch (ConcurrentTicketUpdateException e) {
            throw new TransitionRefusedException(Reason.CONCURRENT_UPDATE, "工单正在被他人处理，请刷新后重试。");
        }
        Ticket updated = done.after();
        log.info("ticket transitioned trackingNumber={} action={} from={} to={} department={} actor={}",
                trackingNumber, action, done.before().status(), updated.status(), updated.department(), actor.subject());
        if (action == TicketAction.DISPATCH || action == TicketAction.ESCALATE) {
            notifyDepartment(updated, action, now);
        }
        return updated;
    }

    /**
     * The transition is stored before the notification is sent: a failed send is logged and the ticket still
     * shows in the department's queue, which is the source of truth; the notification is the nudge.
     */
    private void notifyDepartment(Ticket ticket, TicketAction action, Instant now) {
        try {
            dispatchQueue.publish(new DispatchNotification(ticket.trackingNumber(), action.name(), ticket.department(),
                    ticket.grid() == null ? null : ticket.grid().name(), ticket.category(), ticket.sla().name(),
                    ticket.dueAt().toString(), now.toString()));
        } catch (RuntimeException e) {
            log.warn("dispatch notification not sent trackingNumber={} action={}: {}", ticket.trackingNumber(), action,
                    e.toString());
        }
    }
}
