package org.bianmin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring context every Bianmin function runs in. In Lambda, Spring Cloud Function's
 * {@code FunctionInvoker} starts it and calls the bean named by {@code SPRING_CLOUD_FUNCTION_DEFINITION};
 * the local runtime starts the same configuration with an HTTP server in front.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BianminApplication {

    public static void main(String[] args) {
        SpringApplication.run(BianminApplication.class, args);
    }
}
