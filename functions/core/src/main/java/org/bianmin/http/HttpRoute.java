package org.bianmin.http;

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
}
