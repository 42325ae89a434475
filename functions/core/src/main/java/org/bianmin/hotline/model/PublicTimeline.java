package org.bianmin.hotline.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the citizen (and the public Open311 listing) may read of a ticket's audit trail. Staff words written for
 * staff stay inside: the router's classification, a dispatcher's note, a rejection's reason, internal notes and
 * delivery receipts. The citizen reads a fixed sentence per step instead, and in full only what was written for
 * them: the department's result (办结说明), a reply, and their own rating comment.
 */
public final class PublicTimeline {

    /** One step as the citizen sees it. */
    public record Entry(Instant at, TicketStatus status, String note) {
    }

    private PublicTimeline() {
    }

    public static List<Entry> of(Ticket ticket) {
        List<Entry> entries = new ArrayList<>();
        for (TicketEvent event : ticket.events()) {
            entry(event).ifPresent(entries::add);
        }
        return entries;
    }

    /** The entry an event shows the citizen, or empty when it is for staff only. */
    public static java.util.Optional<Entry> entry(TicketEvent event) {
        String note = switch (event.action()) {
            case TicketEvent.NOTE, TicketEvent.NOTIFY -> null;
            case "RECEIVE" -> "您的诉求已受理。";
            case "DISPATCH" -> "已派至承办部门办理。";
            case "ACCEPT" -> "承办部门已签收。";
            case "START" -> "承办部门正在办理。";
            case "REJECT" -> "正在重新确定承办部门。";
            case "ESCALATE" -> "已督促承办部门加快办理。";
            case "CLOSE" -> "诉求已归档。";
            case "REOPEN" -> "诉求已重新办理。";
            // written for the citizen: the result, a reply, the citizen's own rating
            case "RESOLVE", TicketEvent.REPLY, "RATE_CLOSE", "RATE_REOPEN" -> event.note();
            default -> "";
        };
        if (note == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Entry(event.at(), event.to(), note.isEmpty() ? null : note));
    }
}
