package org.bianmin.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Cursor paging over one or more index partitions read in the same order, merged as they come (a k-way merge):
 * a listing of "all statuses" is the merge of one Query per status, never a Scan. Each page reads at most
 * {@code limit} items per partition (more only when a filter drops items, up to {@link #MAX_READS_PER_PARTITION}
 * requests), so its cost is bounded by the page, not by the table.
 *
 * <p>The cursor records, per partition, the key of the last item handed out (or that the partition is done), so
 * every item is returned exactly once while the data stands still, and items written meanwhile appear at most
 * once, in their place, or not at all if they sort before the page already read.
 */
public final class MergedQuery {

    /** Requests to one partition per page before the page is cut short (only a filter can make this matter). */
    static final int MAX_READS_PER_PARTITION = 10;

    /**
     * One partition: its query (key condition, optional filter and direction, without limit or start key), the
     * attributes that make up an item's position in it (table key plus index keys), and the key values the query
     * fixes, which every position of a cursor must carry unchanged.
     */
    public record Partition(QueryRequest query, List<String> keyAttributes, Map<String, String> fixedKey) {

        public Partition {
            keyAttributes = List.copyOf(keyAttributes);
            fixedKey = Map.copyOf(fixedKey);
        }
    }

    private final DynamoDbClient dynamo;

    public MergedQuery(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * One page of the merge of {@code partitions} in {@code order} (which must be the order each partition's query
     * returns), starting where {@code cursor} says, or at the beginning when it is null.
     *
     * @throws InvalidCursorException when the cursor was not issued by this same query
     */
    public Page<Map<String, AttributeValue>> page(List<Partition> partitions, Comparator<Map<String, AttributeValue>> order,
                                                  int limit, String cursor) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        String identity = identity(partitions);
        List<PageCursor.Position> positions = cursor == null
                ? new ArrayList<>(java.util.Collections.nCopies(partitions.size(), PageCursor.Position.START))
                : PageCursor.decode(cursor, identity, partitions.size());
        for (int i = 0; i < partitions.size(); i++) {
            check(positions.get(i), partitions.get(i));
        }
        List<Buffer> buffers = new ArrayList<>();
        for (int i = 0; i < partitions.size(); i++) {
            buffers.add(fetch(partitions.get(i), positions.get(i), limit));
        }
        List<Map<String, AttributeValue>> page = new ArrayList<>();
        while (page.size() < limit) {
            Buffer next = null;
            boolean blocked = false;
            for (Buffer buffer : buffers) {
                if (buffer.drained()) {
                    // a partition with unread items and nothing buffered: nothing can be placed safely after this
                    blocked |= buffer.moreUnread();
                    continue;
                }
                if (next == null || order.compare(buffer.head(), next.head()) < 0) {
                    next = buffer;
                }
            }
            if (next == null || blocked) {
                break;
            }
            page.add(next.take());
        }
        List<PageCursor.Position> after = new ArrayList<>();
        boolean more = false;
        for (int i = 0; i < buffers.size(); i++) {
            PageCursor.Position position = buffers.get(i).positionAfter(positions.get(i), partitions.get(i));
            after.add(position);
            more |= !position.done();
        }
        return new Page<>(page, more ? PageCursor.encode(identity, after) : null);
    }

    private Buffer fetch(Partition partition, PageCursor.Position position, int limit) {
        Buffer buffer = new Buffer();
        if (position.done()) {
            return buffer;
        }
        Map<String, AttributeValue> start = position.after() == null ? null : attributes(position.after());
        for (int read = 0; read < MAX_READS_PER_PARTITION && buffer.items.size() < limit; read++) {
            QueryResponse response = dynamo.query(partition.query().toBuilder().limit(limit)
                    .exclusiveStartKey(start).build());
            buffer.items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            buffer.lastEvaluated = start;
            if (start == null) {
                break;
            }
        }
        return buffer;
    }

    /** The items read from one partition for this page, and how far the reading got. */
    private static final class Buffer {
        final List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> lastEvaluated;
        int taken;

        boolean drained() {
            return taken == items.size();
        }

        boolean moreUnread() {
            return lastEvaluated != null;
        }

        Map<String, AttributeValue> head() {
            return items.get(taken);
        }

        Map<String, AttributeValue> take() {
            return items.get(taken++);
        }

        PageCursor.Position positionAfter(PageCursor.Position before, Partition partition) {
            if (before.done()) {
                return before;
            }
            if (drained()) {
                // everything read was handed out (or filtered away): continue after the last item DynamoDB read
                return lastEvaluated == null ? PageCursor.Position.FINISHED : PageCursor.Position.after(key(lastEvaluated, partition));
            }
            return taken == 0 ? before : PageCursor.Position.after(key(items.get(taken - 1), partition));
        }
    }

    private static Map<String, String> key(Map<String, AttributeValue> item, Partition partition) {
        Map<String, String> key = new TreeMap<>();
        for (String attribute : partition.keyAttributes()) {
            AttributeValue value = item.get(attribute);
            if (value == null || value.s() == null) {
                throw new IllegalStateException("item without string key attribute " + attribute);
            }
            key.put(attribute, value.s());
        }
        return key;
    }

    private static void check(PageCursor.Position position, Partition partition) {
        if (position.after() == null) {
            return;
        }
        if (!position.after().keySet().equals(Set.copyOf(partition.keyAttributes()))) {
            throw new InvalidCursorException("position with other key attributes");
        }
        partition.fixedKey().forEach((attribute, value) -> {
            if (!value.equals(position.after().get(attribute))) {
                throw new InvalidCursorException("position outside the query's partition");
            }
        });
    }

    private static Map<String, AttributeValue> attributes(Map<String, String> key) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        key.forEach((name, value) -> attributes.put(name, AttributeValue.fromS(value)));
        return attributes;
    }

    /** Everything that makes the query what it is; a cursor is only valid for the same identity. */
    private static String identity(List<Partition> partitions) {
        StringBuilder identity = new StringBuilder();
        for (Partition partition : partitions) {
            QueryRequest q = partition.query();
            identity.append(q.tableName()).append('|').append(q.indexName()).append('|').append(q.keyConditionExpression())
                    .append('|').append(q.filterExpression()).append('|').append(q.scanIndexForward())
                    .append('|').append(new TreeMap<>(q.expressionAttributeNames()))
                    .append('|').append(new TreeMap<>(q.expressionAttributeValues())).append('\n');
        }
        return identity.toString();
    }
}
