package org.bianmin.http;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;

/**
 * Builds the request validator on a background thread while Spring starts, so a function's first request does not
 * pay for Bean Validation's start-up (hundreds of classes) on top of its own. Registered in
 * {@code META-INF/spring.factories}; a function that never reads a body only spends the idle core.
 */
public final class RequestBodiesPreloader implements SpringApplicationRunListener {

    public RequestBodiesPreloader(SpringApplication application, String[] args) {
        // required constructor signature for run listeners
    }

    @Override
    public void starting(ConfigurableBootstrapContext bootstrapContext) {
        Thread thread = new Thread(RequestBodies::warmUp, "request-validator-preload");
        thread.setDaemon(true);
        thread.start();
    }
}
