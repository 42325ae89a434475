package org.bianmin.http;

import java.util.List;

/** Several routes that belong together (an adapter such as Open311); the local runtime serves them with the rest. */
public interface HttpRouteGroup {

    List<HttpRoute> routes();
}
