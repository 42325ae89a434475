package org.bianmin.http;

import java.util.Set;

/**
 * One HTTP route: a method and a path template such as {@code /v1/requests/{trackingNumber}}. Capabilities
 * expose their HTTP surface as routes; {@link HttpApi} dispatches to them in Lambda and locally alike.
 */
public interface HttpRoute {

    String method();

    String pathTemplate();

    /** Who may call it: decides the authorizer in the template and the token the local runtime accepts. */
    Access access();

    HttpResponse handle(HttpRequest request);

    /**
     * The statuses the route itself answers with. Those that come from elsewhere are not listed: 401/403 from its
     * {@link #access()}, and 413, 500 and 503, which {@link HttpApi} may answer for any route. docs/openapi.yaml
     * lists exactly these per operation (OpenApiContractTest).
     */
    default Set<Integer> statuses() {
        return Set.of(200);
    }

    /**
     * The query parameters the route reads. {@link HttpApi} hands the route no others, so a parameter the route
     * forgot to declare (and docs/openapi.yaml therefore does not describe) never takes effect.
     */
    default Set<String> queryParameters() {
        return Set.of();
    }

    /**
     * The largest body the route accepts, in bytes (UTF-8): {@link HttpApi#MAX_BODY_BYTES} unless it carries more
     * than text (a photo); a larger body is answered 413 before the route runs.
     */
    default int maxBodyBytes() {
        return HttpApi.MAX_BODY_BYTES;
    }

    /** This route, answering with these statuses (see {@link #statuses()}). */
    default HttpRoute answering(Integer... statuses) {
        return new Declared(this, Set.of(statuses), queryParameters());
    }

    /** This route, reading these query parameters (see {@link #queryParameters()}). */
    default HttpRoute reading(String... names) {
        return new Declared(this, statuses(), Set.of(names));
    }

    /** A route from a method, a template and a handler, for adapters with many small routes (Open311). */
    static HttpRoute of(String method, String pathTemplate, Access access,
                        java.util.function.Function<HttpRequest, HttpResponse> handler) {
        return new HttpRoute() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String pathTemplate() {
                return pathTemplate;
            }

            @Override
            public Access access() {
                return access;
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                return handler.apply(request);
            }
        };
    }

    /** A route with its statuses and query parameters declared beside it (for routes made with {@link #of}). */
    record Declared(HttpRoute route, Set<Integer> statuses, Set<String> queryParameters) implements HttpRoute {

        public Declared {
            statuses = Set.copyOf(statuses);
            queryParameters = Set.copyOf(queryParameters);
        }

        @Override
        public String method() {
            return route.method();
        }

        @Override
        public String pathTemplate() {
            return route.pathTemplate();
        }

        @Override
        public Access access() {
            return route.access();
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            return route.handle(request);
        }

        @Override
        public int maxBodyBytes() {
            return route.maxBodyBytes();
        }
    }
}
