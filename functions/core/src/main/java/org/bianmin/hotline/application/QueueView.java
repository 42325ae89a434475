package org.bianmin.hotline.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.TicketLifecycle;
import org.bianmin.hotline.model.TicketStatus;

/**
 * The desk's ready-made views of the queue, each an index query ({@link QueueQuery}) so its count is one too.
 * A department's views hold only tickets that reached it; 待派单 is the dispatch centre's alone.
 */
public enum QueueView {
    /** 待派单: filed, sent back, or reopened, waiting for the dispatch centre. */
    AWAITING_DISPATCH("awaiting-dispatch"),
    /** 待签收: dispatched to a department that has not accepted it yet. */
    AWAITING_ACCEPTANCE("awaiting-acceptance"),
    /** 即将超期: open, due within {@link #DUE_SOON_WINDOW}. */
    DUE_SOON("due-soon"),
    /** 已超期: open, past its deadline. */
    OVERDUE("overdue"),
    /** 督办中: escalated (by the SLA scheduler or the dispatch centre). */
    ESCALATED("escalated"),
    /**
     * 重复件: open tickets the intake found likely duplicates of, not yet merged into an incident (nor taken out of one):
     * the dispatcher's list of what to merge ({@link org.bianmin.hotline.model.SuspectedDuplicate}). A department sees
     * those of its own that reached it, like its other views.
     */
    DUPLICATES("duplicates");

    /** How close a deadline must be for 即将超期 (and for the desk's amber colour). */
    public static final Duration DUE_SOON_WINDOW = Duration.ofHours(24);

    private final String wireName;

    QueueView(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<QueueView> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }

    /** What the desk calls this view for this member. */
    public String label(StaffMember member) {
        return switch (this) {
            case AWAITING_DISPATCH -> "待派单";
            case AWAITING_ACCEPTANCE -> member.dispatchCentre() ? "待部门签收" : "我的部门待签收";
            case DUE_SOON -> "即将超期";
            case OVERDUE -> "已超期";
            case ESCALATED -> "督办中";
            case DUPLICATES -> "重复件";
        };
    }

    /** Whether the member may use this view: 待派单 is the dispatch centre's work. */
    public boolean offeredTo(StaffMember member) {
        return this != AWAITING_DISPATCH || member.dispatchCentre();
    }

    /** The views the member may use, in the desk's order. */
    public static List<QueueView> forMember(StaffMember member) {
        return Arrays.stream(values()).filter(v -> v.offeredTo(member)).toList();
    }

    /** Whether the view's tickets depend on the time (a window on the deadline). */
    public boolean timed() {
        return this == DUE_SOON || this == OVERDUE;
    }

    /**
     * The query of this view.
     *
     * @param department the department the listing is for, or null for all (dispatch centre only)
     * @param statuses the statuses the member may see, to intersect with the view's
     */
    public QueueQuery query(String department, List<TicketStatus> statuses, Instant now, QueueQuery.Order order, String text) {
        List<TicketStatus> own = switch (this) {
            case AWAITING_DISPATCH -> List.copyOf(TicketLifecycle.AWAITING_DISPATCH);
            case AWAITING_ACCEPTANCE -> List.of(TicketStatus.DISPATCHED);
            case DUE_SOON, OVERDUE, DUPLICATES -> Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList();
            case ESCALATED -> List.of(TicketStatus.ESCALATED);
        };
        List<TicketStatus> both = own.stream().filter(statuses::contains).toList();
        return switch (this) {
            case DUE_SOON -> new QueueQuery(department, both, order, now, now.plus(DUE_SOON_WINDOW), text);
            case OVERDUE -> new QueueQuery(department, both, order, null, now, text);
            case DUPLICATES -> new QueueQuery(department, both, order, null, null, text, true);
            default -> new QueueQuery(department, both, order, null, null, text);
        };
    }
}
