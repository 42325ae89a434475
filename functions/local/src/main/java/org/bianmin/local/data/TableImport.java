package org.bianmin.local.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.local.dynalite.DataDirectory;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.store.TableDefinition;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import --in FILE [--data-dir=DIR]}: restores a file written by {@link TableExport} into an empty data
 * directory (a restore never merges into live data). The whole file is checked first (header, known tables, item
 * keys), so a bad file changes nothing and is reported by line.
 */
public final class TableImport {

    private static final int BATCH = 25;
    private static final JsonMapper json = JsonMapper.builder().build();

    private TableImport() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(List<String> options) {
        List<String> arguments = new ArrayList<>(options);
        Path dataDirectory = LocalStore.dataDirectory(arguments);
        Path in = CommandOptions.path(arguments, "--in");
        if (in == null || !arguments.isEmpty()) {
            System.err.println("usage: import --in FILE [--data-dir=DIR]   (BIANMIN_DATA_DIR is the default directory)");
            return 2;
        }
        return run(dataDirectory, in);
    }

    /** Restores {@code in} into the empty data directory; returns the exit code (0, or 1 with a one-line reason). */
    public static int run(Path dataDirectory, Path in) {
        try {
            Map<TableDefinition, List<Map<String, AttributeValue>>> items = read(in);
            if (!DataDirectory.isEmpty(dataDirectory)) {
                System.err.println("import failed: " + dataDirectory + " already holds tables; import restores into an empty"
                        + " data directory only. Give another one with --data-dir=DIR or BIANMIN_DATA_DIR.");
                return 1;
            }
            try (DynaliteServer store = DynaliteServer.startDurable(dataDirectory);
                 DynamoDbClient dynamo = LocalStore.client(store)) {
                long total = restore(dynamo, LocalStore.tablePrefix(), items);
                System.out.println("Imported " + total + " items from " + in.toAbsolutePath() + " into " + dataDirectory);
                return 0;
            }
        } catch (RuntimeException e) {
            System.err.println("import failed: " + e.getMessage());
            return 1;
        }
    }

    /** Reads and checks the whole file; throws with the line number of the first problem. */
    static Map<TableDefinition, List<Map<String, AttributeValue>>> read(Path in) {
        Map<String, TableDefinition> tables = new HashMap<>();
        Tables.ALL.forEach(table -> tables.put(table.logicalName(), table));
        Map<TableDefinition, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = json.readTree(line);
                    if (number == 1) {
                        checkHeader(node);
                        continue;
                    }
                    TableDefinition table = tables.get(node.path("table").asString(""));
                    if (table == null) {
                        throw new IllegalArgumentException("unknown table '" + node.path("table").asString("") + "'");
                    }
                    Map<String, AttributeValue> item = ItemJson.fromJson(node.get("item"));
                    if (!item.containsKey(table.partitionKey()) || (table.sortKey() != null && !item.containsKey(table.sortKey()))) {
                        throw new IllegalArgumentException("the item has no key (" + table.partitionKey() + ")");
                    }
                    items.computeIfAbsent(table, t -> new ArrayList<>()).add(item);
                } catch (JacksonException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(in + " line " + number + ": " + e.getMessage(), e);
                }
            }
            if (number == 0) {
                throw new IllegalArgumentException(in + " is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + in + ": " + e.getMessage(), e);
        }
        return items;
    }

    private static void checkHeader(JsonNode header) {
        if (!TableExport.FORMAT.equals(header.path("format").asString(""))) {
            throw new IllegalArgumentException("not a Bianmin export (the first line has no \"format\":\"" + TableExport.FORMAT + "\")");
        }
        if (header.path("version").asInt(0) != TableExport.VERSION) {
            throw new IllegalArgumentException("export version " + header.path("version") + " is not supported (expected "
                    + TableExport.VERSION + ")");
        }
    }

    /** Creates every table and writes the items in batches, retrying what DynamoDB leaves unprocessed. */
    static long restore(DynamoDbClient dynamo, String prefix, Map<TableDefinition, List<Map<String, AttributeValue>>> items) {
        new TableProvisioner(dynamo, prefix).createMissing(Tables.ALL);
        long total = 0;
        for (Map.Entry<TableDefinition, List<Map<String, AttributeValue>>> table : items.entrySet()) {
            String name = table.getKey().tableName(prefix);
            List<Map<String, AttributeValue>> rows = table.getValue();
            for (int start = 0; start < rows.size(); start += BATCH) {
                List<WriteRequest> writes = rows.subList(start, Math.min(rows.size(), start + BATCH)).stream()
                        .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                        .toList();
                Map<String, List<WriteRequest>> pending = Map.of(name, writes);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                }
            }
            total += rows.size();
        }
        return total;
    }
}
