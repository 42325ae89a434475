package org.bianmin.http;

import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health}: each dependency's state; 200 when all are up, 503 otherwise. */
public final class HealthRoute implements HttpRoute {

    private final List<DependencyCheck> checks;

    public HealthRoute(List<DependencyCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public Access access() {
        return Access.anyone();
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathTemplate() {
        return "/health";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 503);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        Map<String, Object> dependencies = new LinkedHashMap<>();
        boolean allUp = true;
        for (DependencyCheck check : checks) {
            DependencyCheck.Status status = check.check();
            allUp &= status.up();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", status.up() ? "UP" : "DOWN");
            details.putAll(status.details());
            dependencies.put(check.name(), details);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", allUp ? "UP" : "DOWN");
        body.put("dependencies", dependencies);
        return HttpResponse.json(allUp ? 200 : 503, body);
    }
}
