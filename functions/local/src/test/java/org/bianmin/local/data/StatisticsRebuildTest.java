package org.bianmin.local.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bianmin.hotline.application.TicketCounts;
import org.bianmin.hotline.application.TicketStatistics;
import org.bianmin.hotline.infrastructure.DynamoTicketStatistics;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.ProtectedPhone;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code rebuild-statistics} on a data directory from before the statistics (tickets, no statistics table): the
 * table is created and every ticket counted once, also when the command runs twice.
 */
class StatisticsRebuildTest {

    private static final Instant FILED = Instant.parse("2026-11-02T01:00:00Z");

    @Test
    void anOlderDataDirectoryGetsItsTicketsCounted(@TempDir Path directory) {
        String prefix = LocalStore.tablePrefix();
        try (DynaliteServer store = DynaliteServer.startDurable(directory); DynamoDbClient dynamo = LocalStore.client(store)) {
            new TableProvisioner(dynamo, prefix).createMissing(Tables.ALL);
            DynamoTicketStore tickets = new DynamoTicketStore(dynamo, prefix);
            for (int i = 0; i < 3; i++) {
                tickets.create(ticket("T-OLD-" + i));
            }
            dynamo.deleteTable(d -> d.tableName(Tables.TICKET_STATISTICS.tableName(prefix)));
        }

        assertThat(StatisticsRebuild.run(directory)).isZero();
        assertThat(received(directory)).isEqualTo(3);
        assertThat(StatisticsRebuild.run(directory)).isZero();
        assertThat(received(directory)).as("a second run counts nothing twice").isEqualTo(3);
    }

    private static long received(Path directory) {
        try (DynaliteServer store = DynaliteServer.startDurable(directory); DynamoDbClient dynamo = LocalStore.client(store)) {
            List<TicketStatistics.DepartmentDay> days = new DynamoTicketStatistics(dynamo, LocalStore.tablePrefix())
                    .days(null, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
            return days.stream().mapToLong(d -> d.counters().getOrDefault(TicketCounts.RECEIVED, 0L)).sum();
        }
    }

    private static Ticket ticket(String number) {
        return new Ticket(number, "hash", TicketStatus.RECEIVED, 1, "phone", "测试诉求",
                new ProtectedPhone("phone-hash-" + number, "138****0000", "cipher"), new Location("测试路1号", null, null, null),
                "城乡建设", "CXJS-SZSS-LD", "路灯故障", "市城市管理局", null, SlaClass.NORMAL, false, FILED,
                FILED.plus(Duration.ofDays(3)), null, null,
                List.of(new TicketEvent(FILED, "channel:phone", "FILE", null, TicketStatus.RECEIVED, null)));
    }
}
