package org.bianmin.hotline.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bianmin.hotline.application.TransitionRefusedException.Reason;
import org.bianmin.hotline.classification.Leaf;
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
    /** The categories a dispatcher may correct a ticket to. */
    private final Taxonomy taxonomy;
    /** The incidents linked tickets belong to; null where there are none (tests of the lifecycle rules alone). */
    private final IncidentStore incidents;
    /** Completes an incident's interrupted link or unlink before its members move with it. */
    private final SettlingIncident settling;

    /**
     * The handling actions an incident shares with all its members. Closing and reopening are each reporter's own
     * return visit (回访), so they stay with the ticket.
     */
    private static final Set<TicketAction> INCIDENT_WIDE = java.util.EnumSet.of(TicketAction.DISPATCH, TicketAction.ACCEPT,
            TicketAction.START, TicketAction.RESOLVE, TicketAction.REJECT, TicketAction.ESCALATE);

    /** @param taxonomy its departments are where a ticket may go, its leaves what it may be filed under */
    public TransitioningTicket(TicketStore tickets, Clock clock, DispatchQueue dispatchQueue, Taxonomy taxonomy) {
        this(tickets, clock, dispatchQueue, taxonomy, null);
    }

    /** @param incidents where linked tickets' incidents live: a handling action on a member moves the whole incident */
    public TransitioningTicket(TicketStore tickets, Clock clock, DispatchQueue dispatchQueue, Taxonomy taxonomy,
                               IncidentStore incidents) {
        this.incidents = incidents;
        this.settling = incidents == null ? null : new SettlingIncident(tickets, incidents, clock);
        this.tickets = tickets;
        this.clock = clock;
        this.dispatchQueue = dispatchQueue;
        this.taxonomy = taxonomy;
        Set<String> known = new TreeSet<>(taxonomy.departments());
        known.add(FilingRequest.TRIAGE_DEPARTMENT);
        this.departments = Collections.unmodifiableSet(known);
    }

    /** Without dispatch notifications, over the default taxonomy's departments (tests of the lifecycle rules alone). */
    public TransitioningTicket(TicketStore tickets, Clock clock) {
        this(tickets, clock, notification -> { }, Taxonomy.loadDefault());
    }

    /**
     * @param department for DISPATCH only: the department to send the ticket to (default: where it is)
     */
    public Ticket transition(String trackingNumber, TicketAction action, String note, String department, StaffMember actor) {
        return transition(trackingNumber, action, note, department, null, actor);
    }

    /**
     * @param department for DISPATCH only: the department to send the ticket to (default: the corrected category's,
     *     else where it is)
     * @param categoryCode for DISPATCH only: the taxonomy leaf the dispatcher files the ticket under instead (it
     *     brings its domain); null keeps the category
     */
    public Ticket transition(String trackingNumber, TicketAction action, String note, String department,
                             String categoryCode, StaffMember actor) {
        if (actor.dispatchCentre() && !TicketLifecycle.dispatchCentreMay(action)) {
            // 签收/办理/办结/退单 are the department's word that it has the ticket in hand; nobody says it for them
            throw new TransitionRefusedException(Reason.FORBIDDEN, "该操作只能由承办部门执行。");
        }
        if (TicketLifecycle.needsNote(action) && (note == null || note.isBlank())) {
            throw new TransitionRefusedException(Reason.NOTE_REQUIRED, "该操作需要填写说明（办结情况或退单原因）。");
        }
        Leaf leaf = category(action, categoryCode);
        String target = department == null || department.isBlank() ? leaf == null ? null : leaf.department() : department.strip();
        if (action == TicketAction.DISPATCH && target != null && !departments.contains(target)) {
            // refused before the ticket is read, so it stays where it is: never in a queue nobody reads
            throw new TransitionRefusedException(Reason.UNKNOWN_DEPARTMENT, "没有这个部门：" + target
                    + "。可分派的部门：" + String.join("、", departments) + "。");
        }
        Instant now = clock.instant();
        if (incidents != null && INCIDENT_WIDE.contains(action)) {
            Optional<Ticket> asked = tickets.find(trackingNumber);
            if (asked.isPresent() && asked.get().incidentId() != null) {
                Optional<Ticket> moved = transitionIncident(asked.get(), action, note, leaf, target, actor, now);
                if (moved.isPresent()) {
                    return moved.get();
                }
            }
        }
        return transitionOne(trackingNumber, action, note, leaf, target, actor, now);
    }

    /**
     * A handling action on a ticket in an incident moves the incident, then every member still in step with it (the
     * same status as the incident had), each member's trail recording the action with the incident's id. A member
     * that left the incident's step (closed or reopened by its own reporter's return visit) is left alone, and an
     * action asked on such a member acts on that ticket only.
     *
     * @return empty when the ticket is not in step with its incident (or the incident is gone): act on it alone
     */
    private Optional<Ticket> transitionIncident(Ticket asked, TicketAction action, String note, Leaf leaf, String target,
                                                StaffMember actor, Instant now) {
        Optional<org.bianmin.hotline.model.Incident> current = incidents.find(asked.incidentId()).map(settling::repair);
        if (current.isEmpty() || current.get().status() != asked.status()
                || !current.get().members().contains(asked.trackingNumber())) {
            return Optional.empty();
        }
        if (!actor.mayAccess(asked)) {
            throw new TransitionRefusedException(Reason.FORBIDDEN, "无权处理其他部门的工单。");
        }
        if (!actor.dispatchCentre() && !TicketLifecycle.departmentMay(action)) {
            throw new TransitionRefusedException(Reason.FORBIDDEN, "该操作只能由分拨中心执行。");
        }
        TicketStatus from = current.get().status();
        org.bianmin.hotline.model.Incident moved;
        try {
            moved = incidents.modify(asked.incidentId(), incident -> {
                if (incident.status() != from) {
                    throw new TransitionRefusedException(Reason.CONCURRENT_UPDATE, "事件正在被他人处理，请刷新后重试。");
                }
                TicketStatus next = TicketLifecycle.next(incident.status(), action).orElseThrow(() ->
                        new TransitionRefusedException(Reason.ILLEGAL_TRANSITION,
                                "事件当前状态为 " + incident.status() + "，不能执行 " + action.wireName() + "。"));
                String department = action == TicketAction.DISPATCH && target != null ? target : incident.department();
                return incident.transitioned(next, department, new TicketEvent(now, actor.subject(), action.name(),
                        incident.status(), next, note));
            }).orElse(null);
        } catch (ConcurrentTicketUpdateException e) {
            throw new TransitionRefusedException(Reason.CONCURRENT_UPDATE, "事件正在被他人处理，请刷新后重试。");
        }
        if (moved == null) {
            return Optional.empty();
        }
        String memberNote = (note == null || note.isBlank() ? "" : note.strip() + "；") + "事件 " + moved.id() + " 合并办理";
        Ticket result = null;
        for (String member : moved.members()) {
            try {
                Ticket after = transitionOne(member, action, memberNote, leaf, target, actor, now, from);
                if (member.equals(asked.trackingNumber())) {
                    result = after;
                }
            } catch (TransitionRefusedException e) {
                // a member out of step, or gone: the incident and the other members move on, the log says which
                log.warn("incident member not moved incident={} trackingNumber={} action={}: {}", moved.id(), member,
                        action, e.reason());
            }
        }
        log.info("incident transitioned incident={} action={} from={} to={} members={} actor={}", moved.id(), action, from,
                moved.status(), moved.members().size(), actor.subject());
        return Optional.of(result != null ? result : tickets.find(asked.trackingNumber()).orElseThrow());
    }

    private Ticket transitionOne(String trackingNumber, TicketAction action, String note, Leaf leaf, String target,
                                 StaffMember actor, Instant now) {
        return transitionOne(trackingNumber, action, note, leaf, target, actor, now, null);
    }

    /** @param inStep for an incident's member: the status it must still have (else refused), null for a lone ticket */
    private Ticket transitionOne(String trackingNumber, TicketAction action, String note, Leaf leaf, String target,
                                 StaffMember actor, Instant now, TicketStatus inStep) {
        TicketStore.Modification done;
        try {
            done = tickets.modify(trackingNumber, ticket -> {
                if (inStep != null && ticket.status() != inStep) {
                    throw new TransitionRefusedException(Reason.ILLEGAL_TRANSITION, "工单已不与事件同步。");
                }
                if (!actor.mayAccess(ticket)) {
                    throw new TransitionRefusedException(Reason.FORBIDDEN, ticket.department().equals(actor.department())
                            ? "工单尚未派单到本部门，待分拨中心派单后再处理。" : "无权处理其他部门的工单。");
                }
                if (!actor.dispatchCentre() && !TicketLifecycle.departmentMay(action)) {
                    throw new TransitionRefusedException(Reason.FORBIDDEN, "该操作只能由分拨中心执行。");
                }
                TicketStatus next = TicketLifecycle.next(ticket.status(), action).orElseThrow(() ->
                        new TransitionRefusedException(Reason.ILLEGAL_TRANSITION,
                                "工单当前状态为 " + ticket.status() + "，不能执行 " + action.wireName() + "。"));
                String nextDepartment = action == TicketAction.DISPATCH && target != null ? target : ticket.department();
                if (action != TicketAction.DISPATCH) {
                    return ticket.transitioned(next, nextDepartment,
                            new TicketEvent(now, actor.subject(), action.name(), ticket.status(), next, note, actor.displayName()));
                }
                String domain = leaf == null ? ticket.domain() : leaf.domain().label();
                String code = leaf == null ? ticket.categoryCode() : leaf.code();
                String name = leaf == null ? ticket.category() : leaf.name();
                TicketEvent event = new TicketEvent(now, actor.subject(), action.name(), ticket.status(), next,
                        RoutingNote.of(note, ticket, domain, code, name, nextDepartment), actor.displayName());
                return ticket.recategorized(domain, code, name, next, nextDepartment, event);
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

    /** The leaf a dispatch files the ticket under, or null to keep its category; refused for other actions. */
    private Leaf category(TicketAction action, String categoryCode) {
        if (categoryCode == null || categoryCode.isBlank()) {
            return null;
        }
        if (action != TicketAction.DISPATCH) {
            throw new TransitionRefusedException(Reason.UNKNOWN_CATEGORY, "只有派单时可以更改分类。");
        }
        return taxonomy.leaf(categoryCode.strip()).orElseThrow(() ->
                new TransitionRefusedException(Reason.UNKNOWN_CATEGORY, "没有这个分类：" + categoryCode.strip() + "。"));
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
