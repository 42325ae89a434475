package org.bianmin.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bianmin.store.TableUse;

/**
 * Holds what a function's policies grant against what its code uses. Excess: a grant on a table or queue the code
 * never touches, a DynamoDB action on a table that none of the function's adapters calls (so a write where the code
 * only reads), a send grant where the code only consumes and the reverse. Missing: a table or queue the code uses
 * with no grant at all, or a queue role without its grant.
 *
 * <p>Missing actions within a granted table are not reported: adapters declare their operations per instance, and a
 * function may use only some of an adapter's methods (the heartbeat scans devices through the store that also
 * writes them), so demanding every declared action would force grants the function does not need.
 */
final class LeastPrivilege {

    private LeastPrivilege() {
    }

    static List<String> violations(ResourceAccess used, ResourceAccess granted) {
        List<String> violations = new ArrayList<>();
        Set<String> tables = new TreeSet<>(used.tables.keySet());
        tables.addAll(granted.tables.keySet());
        for (String table : tables) {
            Set<String> calls = used.tables.getOrDefault(table, Set.of());
            Set<String> grants = granted.tables.getOrDefault(table, Set.of());
            if (grants.isEmpty()) {
                violations.add("table " + table + " is used (" + calls + ") but no policy grants it");
            } else if (calls.isEmpty()) {
                violations.add("table " + table + " is granted " + grants + " but never used");
            } else {
                for (String action : grants) {
                    if (!calls.contains(action)) {
                        violations.add("table " + table + " is granted " + action + " (" + TableUse.OPERATIONS.get(action)
                                + ") but the code only calls " + calls);
                    }
                }
            }
        }
        Set<String> queues = new TreeSet<>(used.queues.keySet());
        queues.addAll(granted.queues.keySet());
        for (String queue : queues) {
            Set<?> uses = used.queues.getOrDefault(queue, Set.of());
            Set<?> grants = granted.queues.getOrDefault(queue, Set.of());
            if (!grants.containsAll(uses)) {
                violations.add("queue " + queue + " is used to " + uses + " but granted only " + grants);
            }
            if (!uses.containsAll(grants)) {
                violations.add("queue " + queue + " is granted " + grants + " but the code only does " + uses);
            }
        }
        return violations;
    }
}
