package org.bianmin.local.web;

import java.net.ServerSocket;
import org.bianmin.local.LocalRuntime;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local runtime, started the way a newcomer starts it, for one page test class and stopped after it: like
 * the other local tests, one runtime (with its MQTT broker and dynalite) runs at a time in the test JVM.
 */
final class RunningRuntime implements BeforeAllCallback, AfterAllCallback {

    private static ConfigurableApplicationContext context;
    private static String base;

    @Override
    public void beforeAll(ExtensionContext extension) {
        context = LocalRuntime.start("--in-memory", "--server.port=0", "--bianmin.local.mqtt.port=" + freePort());
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        context.close();
        context = null;
        base = null;
    }

    static String base() {
        return base;
    }

    /** A bean of the running runtime (its development token issuer, for calls as staff). */
    static <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
