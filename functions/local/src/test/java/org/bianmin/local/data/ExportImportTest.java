package org.bianmin.local.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.store.TableDefinition;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code export} then {@code import} into an empty data directory gives back every item of every table, typed. */
class ExportImportTest {

    private static final Map<String, AttributeValue> TICKET = Map.of(
            "trackingNumber", AttributeValue.fromS("BM202611300001"),
            "text", AttributeValue.fromS("桂花路的路灯坏了"),
            "version", AttributeValue.fromN("3"),
            "urgent", AttributeValue.fromBool(false),
            "closedAt", AttributeValue.fromNul(true),
            "phoneCipher", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255})),
            "tags", AttributeValue.fromSs(List.of("路灯", "夜间")),
            "scores", AttributeValue.fromNs(List.of("1", "2.5")),
            "history", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                    "action", AttributeValue.fromS("FILED"), "at", AttributeValue.fromS("2026-11-30T16:00:00+08:00"))))),
            "location", AttributeValue.fromM(Map.of("lat", AttributeValue.fromN("29.87"), "lon", AttributeValue.fromN("121.52"))));

    @Test
    void aRoundTripRestoresEveryTable(@TempDir Path root) throws Exception {
        Path original = root.resolve("original");
        Path restored = root.resolve("restored");
        Path backup = root.resolve("backup/tables.jsonl");
        Map<TableDefinition, Map<String, AttributeValue>> written = new HashMap<>();
        try (DynaliteServer store = DynaliteServer.startDurable(original); DynamoDbClient dynamo = LocalStore.client(store)) {
            new TableProvisioner(dynamo, LocalStore.tablePrefix()).createMissing(Tables.ALL);
            for (TableDefinition table : Tables.ALL) {
                Map<String, AttributeValue> item = new HashMap<>(TICKET);
                item.put(table.partitionKey(), AttributeValue.fromS(table.logicalName() + "-1"));
                if (table.sortKey() != null) {
                    item.put(table.sortKey(), AttributeValue.fromS("2026-11-30"));
                }
                dynamo.putItem(p -> p.tableName(table.tableName(LocalStore.tablePrefix())).item(item));
                written.put(table, item);
            }
        }

        assertThat(TableExport.run(List.of("--out", backup.toString(), "--data-dir=" + original))).isZero();
        List<String> lines = Files.readAllLines(backup, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + Tables.ALL.size());
        assertThat(lines.get(0)).contains("\"format\":\"bianmin-tables\"");
        assertThat(String.join("\n", lines)).doesNotContain("bianmin-tickets").contains("\"table\":\"tickets\"");

        assertThat(TableImport.run(List.of("--in", backup.toString(), "--data-dir=" + restored))).isZero();
        try (DynaliteServer store = DynaliteServer.startDurable(restored); DynamoDbClient dynamo = LocalStore.client(store)) {
            for (TableDefinition table : Tables.ALL) {
                List<Map<String, AttributeValue>> items = dynamo.scan(s -> s.tableName(table.tableName(LocalStore.tablePrefix()))).items();
                assertThat(items).as(table.logicalName()).containsExactly(written.get(table));
            }
        }

        assertThat(TableImport.run(List.of("--in", backup.toString(), "--data-dir=" + restored)))
                .as("a restore never merges into a directory that holds tables").isEqualTo(1);
    }

    @Test
    void aBadFileIsReportedByLineAndRestoresNothing(@TempDir Path root) throws Exception {
        Path file = root.resolve("bad.jsonl");
        Files.writeString(file, """
                {"format":"bianmin-tables","version":1}
                {"table":"tickets","item":{"trackingNumber":{"S":"BM1"}}}
                {"table":"tickets","item":{"text":{"S":"no key"}}}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TableImport.read(file)).hasMessageContaining("line 3").hasMessageContaining("no key");

        Files.writeString(file, "{\"table\":\"tickets\",\"item\":{}}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TableImport.read(file)).hasMessageContaining("line 1").hasMessageContaining("not a Bianmin export");

        Files.writeString(file, "{\"format\":\"bianmin-tables\",\"version\":1}\n{\"table\":\"secrets\",\"item\":{}}\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TableImport.read(file)).hasMessageContaining("line 2").hasMessageContaining("unknown table");

        Path target = root.resolve("data");
        assertThat(TableImport.run(List.of("--in", file.toString(), "--data-dir=" + target))).isEqualTo(1);
        assertThat(Files.exists(target.resolve("tables")) && Files.list(target.resolve("tables")).findAny().isPresent())
                .as("nothing was created").isFalse();
    }
}
