package org.bianmin.hotline.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bianmin.hotline.model.ProtectedPhone;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketOrigin;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * A problem reported again after a quiet spell: a cluster anchored on a place and its problem words by several
 * reports takes a report of the same problem months later, and nothing else from that far (ClusterAnchor).
 */
class AnchoredClusterTest {

    private final InMemoryHotSpotStore store = new InMemoryHotSpotStore();
    private final AssigningHotSpot assigning = new AssigningHotSpot(store, Knowledge.ANALYZER);

    private static final String SUMMER_1 = "反对在青枫苑小区门口开设殡葬用品店\n青枫苑小区的业主坚决反对在小区正门口开设殡葬用品店，影响居民出入和心情。";
    private static final String SUMMER_2 = "坚决反对青枫苑小区门口开殡葬用品店\n听说有人要在青枫苑小区门口开殡葬用品店，业主们都坚决反对，请相关部门不要批准。";
    private static final String SUMMER_3 = "青枫苑小区门口不能开殡葬用品店\n我们青枫苑小区业主反对在小区门口开设殡葬用品店，希望部门重视。";
    private static final String WINTER = "青枫苑小区门口殡葬用品店又要开业了\n夏天大家反对过，现在青枫苑小区门口的殡葬用品店又在装修准备开业，业主坚决反对。";

    @Test
    void theSameProblemReportedMonthsLaterJoinsTheClusterThreeReportsAnchored() {
        String summer = assign(SUMMER_1, "2025-07-03");
        assertThat(assign(SUMMER_2, "2025-07-05")).isEqualTo(summer);
        assertThat(assign(SUMMER_3, "2025-07-20")).isEqualTo(summer);

        assertThat(assign(WINTER, "2025-12-10")).as("five months later, the same place and problem").isEqualTo(summer);
        assertThat(assign("青枫苑小区电梯经常坏\n青枫苑小区5栋电梯一个月坏了三次，物业一直不修。", "2025-12-11"))
                .as("the same place with another problem").isNotEqualTo(summer);
        assertThat(assign(WINTER, "2026-08-20")).as("more than half a year after the last report").isNotEqualTo(summer);
    }

    @Test
    void twoReportsAnchorNothingAndALateReportAboutAnotherPlaceStaysOut() {
        String summer = assign(SUMMER_1.replace("青枫苑", "白桦苑"), "2025-07-03");
        assertThat(assign(SUMMER_2.replace("青枫苑", "白桦苑"), "2025-07-05")).isEqualTo(summer);
        assertThat(assign(WINTER.replace("青枫苑", "白桦苑"), "2025-12-10"))
                .as("two reports are not yet a problem that comes back").isNotEqualTo(summer);

        String anchored = assign(SUMMER_1.replace("青枫苑", "紫荆苑"), "2025-07-03");
        assign(SUMMER_2.replace("青枫苑", "紫荆苑"), "2025-07-05");
        assign(SUMMER_3.replace("青枫苑", "紫荆苑"), "2025-07-20");
        assertThat(assign("红枫湾小区业主也反对殡葬用品店\n我们红枫湾小区门口也有人要开殡葬用品店，和紫荆苑小区门口的殡葬用品店一样，业主坚决反对。",
                "2025-12-10")).as("a late report about its own place, naming the anchored one only in passing")
                .isNotEqualTo(anchored);
    }

    private String assign(String text, String date) {
        Instant at = LocalDate.parse(date).atTime(10, 0).atZone(WorkingCalendar.ZONE).toInstant();
        String number = "T" + UUID.randomUUID();
        Ticket ticket = new Ticket(number, "-", TicketStatus.RECEIVED, 1, "import", text,
                new ProtectedPhone("unknown", "0000-****0000", "-"), null, null, "-", "-", "-", null,
                SlaClass.values()[0], false, at, at, null, null, List.of(), new TicketOrigin(number, 0));
        return assigning.assign(ticket).clusterId();
    }
}
