package org.bianmin.hotline.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.application.StoredPhones;
import org.bianmin.hotline.model.ProtectedPhone;
import org.bianmin.store.TableUse;
import org.bianmin.store.Tables;
import org.bianmin.store.UsesTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The phones in the {@code tickets} table for a key rotation: a scan that reads only the key, version and phone
 * attributes (not the request text), and an update conditional on the version and the old phone values that also
 * moves the version on, so a writer holding the ticket as it was read before the rotation fails its own version
 * check and re-reads instead of putting the old ciphertext back.
 */
public final class DynamoStoredPhones implements StoredPhones, UsesTables {

    private static final String KEY = Tables.TICKETS.partitionKey();
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoStoredPhones(DynamoDbClient dynamo, String tablePrefix) {
        this.dynamo = dynamo;
        this.tableName = Tables.TICKETS.tableName(tablePrefix);
    }

    @Override
    public Page page(String startAfter, int size) {
        ScanResponse response = dynamo.scan(s -> {
            s.tableName(tableName).limit(size).consistentRead(true)
                    .projectionExpression("#k, #v, phoneHash, phoneMasked, phoneCipher")
                    .expressionAttributeNames(Map.of("#k", KEY, "#v", "version"));
            if (startAfter != null) {
                s.exclusiveStartKey(Map.of(KEY, AttributeValue.fromS(startAfter)));
            }
        });
        List<Entry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            ProtectedPhone phone = item.containsKey("phoneCipher")
                    ? new ProtectedPhone(s(item, "phoneHash"), s(item, "phoneMasked"), s(item, "phoneCipher"))
                    : null;
            entries.add(new Entry(item.get(KEY).s(), Long.parseLong(item.get("version").n()), phone));
        }
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        return new Page(entries, last == null || last.isEmpty() ? null : last.get(KEY).s());
    }

    @Override
    public boolean replace(Entry stored, ProtectedPhone replacement) {
        try {
            dynamo.updateItem(u -> u.tableName(tableName).key(Map.of(KEY, AttributeValue.fromS(stored.trackingNumber())))
                    .updateExpression("SET phoneHash = :hash, phoneCipher = :cipher, #v = :next")
                    .conditionExpression("#v = :version AND phoneHash = :oldHash AND phoneCipher = :oldCipher")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(
                            ":hash", AttributeValue.fromS(replacement.hash()),
                            ":cipher", AttributeValue.fromS(replacement.ciphertext()),
                            ":next", AttributeValue.fromN(Long.toString(stored.version() + 1)),
                            ":version", AttributeValue.fromN(Long.toString(stored.version())),
                            ":oldHash", AttributeValue.fromS(stored.phone().hash()),
                            ":oldCipher", AttributeValue.fromS(stored.phone().ciphertext()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public List<TableUse> tablesUsed() {
        return List.of(TableUse.of(Tables.TICKETS, "Scan", "UpdateItem"));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
