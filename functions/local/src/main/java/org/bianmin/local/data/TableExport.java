package org.bianmin.local.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.store.TableDefinition;
import org.bianmin.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code export --out FILE [--data-dir=DIR]}: every table of the data directory as JSON Lines. The first line is a
 * header ({@code {"format":"bianmin-tables","version":1,...}}), then one line per item:
 * {@code {"table":"tickets","item":{...DynamoDB JSON...}}} with the logical table name, so a file restores under
 * any table prefix. The runtime must be stopped (it holds the directory), which also makes the copy consistent.
 * The file is written beside its target and moved into place when complete.
 */
public final class TableExport {

    static final String FORMAT = "bianmin-tables";
    static final int VERSION = 1;
    private static final JsonMapper json = JsonMapper.builder().build();

    private TableExport() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(List<String> options) {
        List<String> arguments = new ArrayList<>(options);
        Path dataDirectory = LocalStore.dataDirectory(arguments);
        Path out = CommandOptions.path(arguments, "--out");
        if (out == null || !arguments.isEmpty()) {
            System.err.println("usage: export --out FILE [--data-dir=DIR]   (BIANMIN_DATA_DIR is the default directory)");
            return 2;
        }
        return run(dataDirectory, out);
    }

    /** Exports the data directory to {@code out}; returns the exit code (0, or 1 with a one-line reason). */
    public static int run(Path dataDirectory, Path out) {
        try (DynaliteServer store = DynaliteServer.startDurable(dataDirectory);
             DynamoDbClient dynamo = LocalStore.client(store)) {
            Map<String, Long> counts = export(dynamo, LocalStore.tablePrefix(), out);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            System.out.println("Exported " + total + " items from " + dataDirectory + " to " + out.toAbsolutePath() + " " + counts);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("export failed: " + e.getMessage());
            return 1;
        }
    }

    /** Writes every table under {@code prefix} to {@code out}; returns the item count per logical table. */
    static Map<String, Long> export(DynamoDbClient dynamo, String prefix, Path out) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Path target = out.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                ObjectNode header = json.createObjectNode();
                header.put("format", FORMAT);
                header.put("version", VERSION);
                header.put("exportedAt", OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toString());
                writeLine(writer, header);
                for (TableDefinition table : Tables.ALL) {
                    counts.put(table.logicalName(), exportTable(dynamo, table, prefix, writer));
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static long exportTable(DynamoDbClient dynamo, TableDefinition table, String prefix, BufferedWriter writer)
            throws IOException {
        long count = 0;
        try {
            for (Map<String, AttributeValue> item : dynamo.scanPaginator(s -> s.tableName(table.tableName(prefix))
                    .consistentRead(true)).items()) {
                ObjectNode line = json.createObjectNode();
                line.put("table", table.logicalName());
                line.set("item", ItemJson.toJson(item));
                writeLine(writer, line);
                count++;
            }
        } catch (ResourceNotFoundException neverCreated) {
            return 0;
        }
        return count;
    }

    private static void writeLine(BufferedWriter writer, ObjectNode line) throws IOException {
        writer.write(json.writeValueAsString(line));
        writer.newLine();
    }
}
