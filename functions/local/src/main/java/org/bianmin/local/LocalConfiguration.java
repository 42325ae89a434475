package org.bianmin.local;

import java.util.List;
import org.bianmin.api.HttpApi;
import org.bianmin.api.HttpRoute;
import org.bianmin.api.HttpRouteGroup;
import org.bianmin.store.StoreProperties;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What only the local runtime has: the HTTP server in front of every route, and table creation. */
@Configuration(proxyBeanMethods = false)
public class LocalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalConfiguration.class);

    /** Every route of every capability, served as API Gateway would route them to their functions. */
    @Bean
    HttpApi localHttpApi(List<HttpRoute> routes, List<HttpRouteGroup> groups) {
        List<HttpRoute> all = new java.util.ArrayList<>(routes);
        groups.forEach(group -> all.addAll(group.routes()));
        return new HttpApi(all);
    }

    @Bean
    ServletRegistrationBean<LocalHttpServlet> localHttpServlet(HttpApi localHttpApi) {
        ServletRegistrationBean<LocalHttpServlet> registration =
                new ServletRegistrationBean<>(new LocalHttpServlet(localHttpApi, LocalStaffTokens.fromEnvironment()), "/*");
        registration.setName("bianmin");
        return registration;
    }

    /** In AWS the template creates the tables; locally they are created from the same definitions. */
    @Bean
    @Order(0)
    ApplicationRunner createTables(DynamoDbClient dynamo, StoreProperties store) {
        return args -> new TableProvisioner(dynamo, store.tablePrefix()).createMissing(Tables.ALL);
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> announceAddress(HttpApi localHttpApi) {
        return event -> {
            int port = event.getWebServer().getPort();
            log.info("Bianmin local runtime listening on http://localhost:{} ({} routes; try GET /health)", port,
                    localHttpApi.routes().size());
            System.out.println("Bianmin local runtime listening on http://localhost:" + port);
        };
    }
}
