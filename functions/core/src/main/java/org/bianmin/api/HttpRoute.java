package org.bianmin.api;

/**
 * One HTTP route: a method and a path template such as {@code /v1/requests/{trackingNumber}}. Capabilities
 * expose their HTTP surface as routes; {@link HttpApi} dispatches to them in Lambda and locally alike.
 */
public interface HttpRoute {

    String method();

    String pathTemplate();

    HttpResponse handle(HttpRequest request);
}
