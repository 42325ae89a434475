package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.model.SlaClass;
import org.junit.jupiter.api.Test;

/** Phone validation and masking, grid location, and deadlines in working time. */
class RoutingRulesTest {

    private final GridRegistry grids = GridRegistry.loadDefault();
    private final WorkingCalendar calendar = HolidayFile.loadDefault();
    private final Deadlines deadlines = new Deadlines(calendar);

    @Test
    void acceptsMainlandMobilesAndLandlinesAndMasksThem() {
        assertThat(PhoneNumber.parse("+86 138-1234-5678")).get().extracting(PhoneNumber::masked).isEqualTo("138****5678");
        assertThat(PhoneNumber.parse("0574-87654321")).get().extracting(PhoneNumber::normalized).isEqualTo("0574-87654321");
        assertThat(PhoneNumber.parse("057487654321")).get().extracting(PhoneNumber::masked).isEqualTo("0574-****4321");
        assertThat(PhoneNumber.parse("12812345678")).isEmpty();
        assertThat(PhoneNumber.parse("1381234567")).isEmpty();
        assertThat(PhoneNumber.parse("abc")).isEmpty();
    }

    @Test
    void locatesTheGridByCommunityRoadOrCoordinates() {
        assertThat(grids.size()).isGreaterThanOrEqualTo(60);
        assertThat(grids.locate(new Location(null, "桂花社区", null, null))).get()
                .satisfies(g -> assertThat(g.community()).isEqualTo("桂花社区"));
        assertThat(grids.locate(new Location("东湖区桂园巷3号", null, null, null))).get()
                .satisfies(g -> assertThat(g.community()).isEqualTo("桂花社区"));
        assertThat(grids.locate(new Location(null, null, 29.8742, 121.5268))).isPresent();
        assertThat(grids.locate(new Location("火星基地", null, 10.0, 10.0))).isEmpty();
    }

    @Test
    void deadlinesSkipWeekendsAndHolidaysAndCountMakeUpDays() {
        // Thursday 2026-09-24 10:00 +08:00: 5 working days skip the Mid-Autumn holiday (25-27 Sep)
        Instant thursday = Instant.parse("2026-09-24T02:00:00Z");
        assertThat(deadlines.dueAt(SlaClass.NORMAL, thursday)).isEqualTo(Instant.parse("2026-10-09T09:30:00Z"));
        assertThat(deadlines.dueAt(SlaClass.URGENT, thursday)).isEqualTo(Instant.parse("2026-09-25T02:00:00Z"));
        // Friday 2026-02-13: the next working day is the make-up Saturday 2026-02-14
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(deadlines.dueAt(SlaClass.CONSULT, Instant.parse("2026-11-20T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
    }
}
