package org.bianmin.hotline.model;

import static org.bianmin.hotline.model.TicketStatus.ACCEPTED;
import static org.bianmin.hotline.model.TicketStatus.CLOSED;
import static org.bianmin.hotline.model.TicketStatus.DISPATCHED;
import static org.bianmin.hotline.model.TicketStatus.ESCALATED;
import static org.bianmin.hotline.model.TicketStatus.IN_PROGRESS;
import static org.bianmin.hotline.model.TicketStatus.RECEIVED;
import static org.bianmin.hotline.model.TicketStatus.REJECTED;
import static org.bianmin.hotline.model.TicketStatus.REOPENED;
import static org.bianmin.hotline.model.TicketStatus.RESOLVED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal transitions, as a table: for each action, the statuses it may start from and the status it leads to;
 * which actions a department may take itself (the rest belong to the dispatch centre); which need a note.
 */
public final class TicketLifecycle {

    private record Rule(Set<TicketStatus> from, TicketStatus to) {
    }

    private static final Map<TicketAction, Rule> RULES = Map.of(
            TicketAction.DISPATCH, new Rule(EnumSet.of(RECEIVED, REJECTED, REOPENED), DISPATCHED),
            TicketAction.ACCEPT, new Rule(EnumSet.of(DISPATCHED, ESCALATED), ACCEPTED),
            TicketAction.START, new Rule(EnumSet.of(ACCEPTED), IN_PROGRESS),
            TicketAction.RESOLVE, new Rule(EnumSet.of(ACCEPTED, IN_PROGRESS, ESCALATED), RESOLVED),
            TicketAction.CLOSE, new Rule(EnumSet.of(RESOLVED), CLOSED),
            TicketAction.REJECT, new Rule(EnumSet.of(DISPATCHED, ACCEPTED), REJECTED),
            TicketAction.ESCALATE, new Rule(EnumSet.of(DISPATCHED, ACCEPTED, IN_PROGRESS), ESCALATED),
            TicketAction.REOPEN, new Rule(EnumSet.of(RESOLVED, CLOSED), REOPENED));

    private static final Set<TicketAction> DEPARTMENT_ACTIONS =
            EnumSet.of(TicketAction.ACCEPT, TicketAction.START, TicketAction.RESOLVE, TicketAction.REJECT);
    private static final Set<TicketAction> NOTE_REQUIRED = EnumSet.of(TicketAction.RESOLVE, TicketAction.REJECT);
    /** Waiting for the dispatch centre: filed, sent back by a department, or reopened after the citizen's rating. */
    public static final Set<TicketStatus> AWAITING_DISPATCH = EnumSet.of(RECEIVED, REJECTED, REOPENED);

    private TicketLifecycle() {
    }

    /** The status after {@code action}, or empty when the action is not allowed from {@code current}. */
    public static Optional<TicketStatus> next(TicketStatus current, TicketAction action) {
        Rule rule = RULES.get(action);
        return rule.from().contains(current) ? Optional.of(rule.to()) : Optional.empty();
    }

    public static boolean departmentMay(TicketAction action) {
        return DEPARTMENT_ACTIONS.contains(action);
    }

    /**
     * Whether the dispatch centre may take the action: not the department's own steps (签收, 办理, 办结, 退单), which
     * are the department's word that it has the ticket in hand; the centre dispatches, escalates, closes and reopens.
     */
    public static boolean dispatchCentreMay(TicketAction action) {
        return !DEPARTMENT_ACTIONS.contains(action);
    }

    /** Whether a ticket in this status has reached its department (so the department sees it and may act on it). */
    public static boolean reachedDepartment(TicketStatus status) {
        return !AWAITING_DISPATCH.contains(status);
    }

    public static boolean needsNote(TicketAction action) {
        return NOTE_REQUIRED.contains(action);
    }
}
