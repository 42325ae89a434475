package org.bianmin.hotline.application;

import java.util.Locale;
import org.bianmin.hotline.model.RoutingSuggestion;
import org.bianmin.hotline.model.Ticket;

/**
 * The audit trail's words for a dispatch: the dispatcher's note, then what changed in the routing and, when the
 * final routing is not what the router suggested, the suggestion with its model and confidence. The structured
 * suggestion stays on the ticket; this line is for the person reading the trail.
 */
final class RoutingNote {

    private RoutingNote() {
    }

    static String of(String note, Ticket before, String domain, String categoryCode, String category, String department) {
        StringBuilder text = new StringBuilder(note == null ? "" : note.strip());
        if (!categoryCode.equals(before.categoryCode())) {
            append(text, "改分类：" + before.domain() + "/" + before.category() + " → " + domain + "/" + category);
        }
        RoutingSuggestion suggested = before.suggestion();
        if (suggested != null && suggested.differsFrom(domain, categoryCode, department)) {
            append(text, String.format(Locale.ROOT, "与自动分类建议不同（建议：%s/%s/%s，模型 %s，置信度 %d%%）",
                    suggested.domain(), suggested.category(), suggested.department(), suggested.modelVersion(),
                    Math.round(100 * suggested.confidence())));
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append("；");
        }
        text.append(part);
    }
}
