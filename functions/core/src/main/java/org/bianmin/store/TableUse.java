package org.bianmin.store;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DynamoDB operations an adapter calls on one table (e.g. {@code GetItem}, {@code Query}), by their IAM action
 * names. The template checks compare these with each function's IAM policies, so a grant nobody needs fails the
 * build; a new call must be declared here or its function's policy cannot grant it.
 */
public record TableUse(TableDefinition table, Set<String> operations) {

    /** Reads leave the table as it was; writes change items. A policy is held to both kinds separately. */
    public enum Access { READ, WRITE }

    /** Every operation the adapters may declare, with its kind. */
    public static final Map<String, Access> OPERATIONS = Map.of(
            "GetItem", Access.READ, "BatchGetItem", Access.READ, "Query", Access.READ, "Scan", Access.READ,
            "DescribeTable", Access.READ, "ConditionCheckItem", Access.READ,
            "PutItem", Access.WRITE, "UpdateItem", Access.WRITE, "DeleteItem", Access.WRITE, "BatchWriteItem", Access.WRITE);

    public TableUse {
        for (String operation : operations) {
            if (!OPERATIONS.containsKey(operation)) {
                throw new IllegalArgumentException("unknown DynamoDB operation " + operation);
            }
        }
        operations = Set.copyOf(new TreeSet<>(operations));
    }

    public static TableUse of(TableDefinition table, String... operations) {
        return new TableUse(table, Set.of(operations));
    }

    /** Whether the adapter reads, writes or both. */
    public Set<Access> access() {
        Set<Access> access = EnumSet.noneOf(Access.class);
        operations.forEach(operation -> access.add(OPERATIONS.get(operation)));
        return access;
    }
}
