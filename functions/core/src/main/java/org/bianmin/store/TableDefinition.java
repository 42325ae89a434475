package org.bianmin.store;

import java.util.List;

/**
 * One DynamoDB table as the code uses it. The same definitions create tables in dynalite, and
 * template.yaml is checked against them, so table names and keys have a single source of truth.
 *
 * @param logicalName the name without the deployment prefix, e.g. {@code conversations}
 * @param partitionKey the string partition key attribute
 * @param sortKey the string sort key attribute, or null
 * @param ttlAttribute the numeric epoch-seconds attribute DynamoDB expires items by, or null
 * @param indexes global secondary indexes
 */
public record TableDefinition(String logicalName, String partitionKey, String sortKey, String ttlAttribute,
                              List<SecondaryIndex> indexes) {

    public TableDefinition {
        indexes = List.copyOf(indexes);
    }

    /** A global secondary index with string keys, projecting all attributes. */
    public record SecondaryIndex(String name, String partitionKey, String sortKey) {
    }

    /** The physical table name for a deployment prefix such as {@code bianmin-}. */
    public String tableName(String prefix) {
        return prefix + logicalName;
    }
}
