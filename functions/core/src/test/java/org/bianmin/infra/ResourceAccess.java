package org.bianmin.infra;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bianmin.queue.QueueUse;

/**
 * Tables (with DynamoDB operations) and queues (with send or consume) by physical name, buckets by logical id: what a function's code uses
 * ({@link CodeUses}) or what its IAM policies grant ({@link PolicyGrants}).
 */
final class ResourceAccess {

    final Map<String, Set<String>> tables = new TreeMap<>();
    final Map<String, Set<QueueUse.Role>> queues = new TreeMap<>();
    /** S3 buckets by logical id (their names are generated), with the S3 actions granted on them or their objects. */
    final Map<String, Set<String>> buckets = new TreeMap<>();

    void table(String name, Collection<String> operations) {
        tables.computeIfAbsent(name, n -> new TreeSet<>()).addAll(operations);
    }

    void queue(String name, QueueUse.Role role) {
        queues.computeIfAbsent(name, n -> EnumSet.noneOf(QueueUse.Role.class)).add(role);
    }

    void bucket(String logicalId, String action) {
        buckets.computeIfAbsent(logicalId, n -> new TreeSet<>()).add(action);
    }

    @Override
    public String toString() {
        return "tables " + tables + ", queues " + queues + ", buckets " + buckets;
    }
}
