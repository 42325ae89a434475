package org.bianmin.api;

import java.util.Map;

/** One dependency reported by {@code GET /health}. A check never throws; a failure is a DOWN status. */
public interface DependencyCheck {

    String name();

    Status check();

    record Status(boolean up, Map<String, Object> details) {
    }
}
