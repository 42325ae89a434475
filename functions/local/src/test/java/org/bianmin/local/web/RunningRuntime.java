package org.bianmin.local.web;

import java.net.ServerSocket;
import org.bianmin.local.LocalRuntime;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One local runtime, started the way a newcomer starts it, shared by every page test class and stopped when the
 * test run ends (a start costs seconds; the page tests tell their data apart by tracking numbers and device ids).
 */
final class RunningRuntime implements BeforeAllCallback {

    private static ConfigurableApplicationContext context;
    private static String base;

    @Override
    public void beforeAll(ExtensionContext extension) {
        synchronized (RunningRuntime.class) {
            if (context == null) {
                context = LocalRuntime.start("--server.port=0", "--bianmin.local.mqtt.port=" + freePort());
                base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
                extension.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(RunningRuntime.class.getName(), (AutoCloseable) () -> context.close());
            }
        }
    }

    static String base() {
        return base;
    }

    static ConfigurableApplicationContext context() {
        return context;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
