package org.bianmin.http;

import java.util.Map;
import java.util.function.Supplier;

/** One dependency reported by {@code GET /health}. A check never throws; a failure is a DOWN status. */
public interface DependencyCheck {

    String name();

    Status check();

    record Status(boolean up, Map<String, Object> details) {
    }

    static DependencyCheck of(String name, Supplier<Status> check) {
        return new DependencyCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Status check() {
                return check.get();
            }
        };
    }
}
