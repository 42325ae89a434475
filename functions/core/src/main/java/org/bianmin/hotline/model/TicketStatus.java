package org.bianmin.hotline.model;

/** The ticket lifecycle (受理 -> 派单 -> 签收 -> 办理 -> 办结 -> 归档, plus 退单, 督办 and 重办). */
public enum TicketStatus {
    RECEIVED, DISPATCHED, ACCEPTED, IN_PROGRESS, RESOLVED, CLOSED, REJECTED, ESCALATED, REOPENED;

    /** Open tickets count against their deadline. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
