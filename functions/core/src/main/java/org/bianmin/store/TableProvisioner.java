package org.bianmin.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates missing tables from their {@link TableDefinition}. Used where nobody else creates them: dynalite in the
 * local runtime and the tests. In AWS the tables come from template.yaml.
 *
 * <p>dynalite has no UpdateTimeToLive: there the call is skipped, the local runtime deletes expired items itself
 * ({@link ExpiredItemSweeper}), and every reader of a TTL table already ignores expired items, as it must on
 * DynamoDB, which deletes them up to days late.
 */
public final class TableProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TableProvisioner.class);

    private final DynamoDbClient dynamo;
    private final String prefix;

    public TableProvisioner(DynamoDbClient dynamo, String prefix) {
        this.dynamo = dynamo;
        this.prefix = prefix;
    }

    public void createMissing(List<TableDefinition> tables) {
        for (TableDefinition table : tables) {
            createIfMissing(table);
        }
    }

    public void createIfMissing(TableDefinition table) {
        String name = table.tableName(prefix);
        List<Map<String, AttributeValue>> kept = List.of();
        try {
            TableDescription existing = dynamo.describeTable(d -> d.tableName(name)).table();
            List<String> indexes = existing.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).toList();
            if (table.indexes().stream().allMatch(i -> indexes.contains(i.name()))) {
                return;
            }
            // a data directory from before an index was added: dynalite cannot add an index to a table, so the table
            // is created again with its indexes and its items are written back
            kept = new ArrayList<>();
            dynamo.scanPaginator(r -> r.tableName(name)).items().forEach(kept::add);
            log.warn("table {} lacks an index of its definition: recreating it with its {} items", name, kept.size());
            dynamo.deleteTable(d -> d.tableName(name));
            dynamo.waiter().waitUntilTableNotExists(d -> d.tableName(name));
        } catch (ResourceNotFoundException missing) {
            // create below
        }
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        declare(attributes, declared, table.partitionKey());
        declare(attributes, declared, table.sortKey());
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableDefinition.SecondaryIndex index : table.indexes()) {
            declare(attributes, declared, index.partitionKey());
            declare(attributes, declared, index.sortKey());
            indexes.add(GlobalSecondaryIndex.builder().indexName(index.name())
                    .keySchema(keys(index.partitionKey(), index.sortKey()))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keys(table.partitionKey(), table.sortKey()));
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        try {
            dynamo.createTable(request.build());
            dynamo.waiter().waitUntilTableExists(d -> d.tableName(name));
            if (table.ttlAttribute() != null) {
                enableTimeToLive(name, table.ttlAttribute());
            }
            for (Map<String, AttributeValue> item : kept) {
                dynamo.putItem(p -> p.tableName(name).item(item));
            }
            log.info("created table {}", name);
        } catch (ResourceInUseException raced) {
            log.info("table {} was created concurrently", name);
        }
    }

    private void enableTimeToLive(String name, String attribute) {
        try {
            dynamo.updateTimeToLive(t -> t.tableName(name)
                    .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
        } catch (DynamoDbException e) {
            if (e.awsErrorDetails() == null || !"UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            log.info("table {}: this engine has no TTL; expired items are swept by the runtime", name);
        }
    }

    private static void declare(List<AttributeDefinition> attributes, List<String> declared, String name) {
        if (name != null && !declared.contains(name)) {
            declared.add(name);
            attributes.add(AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build());
        }
    }

    private static List<KeySchemaElement> keys(String partitionKey, String sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        }
        return keys;
    }
}
