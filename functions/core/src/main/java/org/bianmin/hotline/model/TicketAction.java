package org.bianmin.hotline.model;

import java.util.Locale;
import java.util.Optional;

/** What staff (or the scheduler, or the citizen's rating) do to a ticket. */
public enum TicketAction {
    /** 派单: the dispatch centre sends the ticket to a department (again, after a rejection or reopening). */
    DISPATCH,
    /** 签收: the department takes it. */
    ACCEPT,
    /** 办理: work has started. */
    START,
    /** 办结: the department reports it done (with a note saying what was done). */
    RESOLVE,
    /** 归档: closed after the return visit, or automatically when no rating came. */
    CLOSE,
    /** 退单: the department sends it back to dispatch, with a reason. */
    REJECT,
    /** 督办: overdue or stuck; the dispatch centre (or the SLA scheduler) escalates it. */
    ESCALATE,
    /** 重办: the citizen is not satisfied. */
    REOPEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketAction> fromWireName(String name) {
        for (TicketAction action : values()) {
            if (action.wireName().equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
