package org.bianmin.infra;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bianmin.queue.QueueUse;

/**
 * Tables (with DynamoDB operations) and queues (with send or consume) by physical name: what a function's code uses
 * ({@link CodeUses}) or what its IAM policies grant ({@link PolicyGrants}).
 */
final class ResourceAccess {

    final Map<String, Set<String>> tables = new TreeMap<>();
    final Map<String, Set<QueueUse.Role>> queues = new TreeMap<>();

    void table(String name, Collection<String> operations) {
        tables.computeIfAbsent(name, n -> new TreeSet<>()).addAll(operations);
    }

    void queue(String name, QueueUse.Role role) {
        queues.computeIfAbsent(name, n -> EnumSet.noneOf(QueueUse.Role.class)).add(role);
    }

    @Override
    public String toString() {
        return "tables " + tables + ", queues " + queues;
    }
}
