package org.bianmin.local;

import java.util.List;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.devices.application.ProcessingDeviceEvent;
import org.bianmin.devices.infrastructure.DynamoDeviceStore;
import org.bianmin.devices.application.DeviceCredentials;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.bianmin.local.metrics.MetricsRoute;
import org.bianmin.local.metrics.MicrometerMetrics;
import org.bianmin.local.mqtt.EmbeddedMqttBroker;
import org.bianmin.observability.Metrics;
import org.bianmin.local.mqtt.MqttBridge;
import org.bianmin.local.web.ApiDocsRoutes;
import org.bianmin.local.web.DevelopmentSignInServlet;
import org.bianmin.local.web.WebPagesServlet;
import org.bianmin.hotline.classification.Leaf;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.local.data.ExpiredItemSweeping;
import org.bianmin.store.ExpiredItemSweeper;
import org.bianmin.store.StoreProperties;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What only the local runtime has: the HTTP server in front of every route, and table creation. */
@Configuration(proxyBeanMethods = false)
public class LocalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalConfiguration.class);

    /** Every route of every capability, served as API Gateway would route them to their functions. */
    @Bean
    HttpApi localHttpApi(List<HttpRoute> routes, List<HttpRouteGroup> groups, Metrics metrics) {
        List<HttpRoute> all = new java.util.ArrayList<>(routes);
        groups.forEach(group -> all.addAll(group.routes()));
        return new HttpApi(all, metrics);
    }

    /** The metrics Lambda writes as CloudWatch EMF, here in a Prometheus registry behind {@code GET /metrics}. */
    @Bean
    PrometheusMeterRegistry prometheusMeterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Bean
    @Primary
    Metrics localMetrics(PrometheusMeterRegistry registry) {
        return new MicrometerMetrics(registry);
    }

    @Bean
    MetricsRoute metricsRoute(PrometheusMeterRegistry registry, LocalTokens localTokens, Environment environment) {
        return new MetricsRoute(registry, scrapeToken(environment.getProperty(SCRAPE_TOKEN, ""), localTokens));
    }

    /** {@code BIANMIN_METRICS_SCRAPETOKEN}: the scrape token of {@code GET /metrics}, when not derived. */
    public static final String SCRAPE_TOKEN = "bianmin.metrics.scrapetoken";

    /** The configured scrape token, else the one derived from the token secret ({@code dev-token --metrics}). */
    public static String scrapeToken(String configured, LocalTokens tokens) {
        return configured == null || configured.isBlank() ? tokens.derive("bianmin-metrics-scrape") : configured.strip();
    }

    /**
     * The API under the first path segment of every route ({@code /v1/*}, {@code /open311/*}, {@code /health},
     * {@code /docs/*}), so that everything else is left to the web pages.
     */
    @Bean
    ServletRegistrationBean<LocalHttpServlet> localHttpServlet(HttpApi localHttpApi, LocalTokens localTokens) {
        String[] mappings = localHttpApi.routes().stream()
                .map(route -> route.pathTemplate().split("/")[1])
                .distinct()
                .flatMap(segment -> java.util.stream.Stream.of("/" + segment, "/" + segment + "/*"))
                .toArray(String[]::new);
        ServletRegistrationBean<LocalHttpServlet> registration =
                new ServletRegistrationBean<>(new LocalHttpServlet(localHttpApi, localTokens), mappings);
        registration.setName("bianmin");
        return registration;
    }

    /** docs/openapi.yaml and Swagger UI over it, at /docs/api/ (local only: the template deploys no such route). */
    @Bean
    ApiDocsRoutes apiDocsRoutes() {
        return new ApiDocsRoutes();
    }

    @Bean
    LocalTokens localTokens(Environment environment) {
        return new LocalTokens(environment.getProperty(LocalSettings.TOKEN_SECRET));
    }

    /** The citizen chatbot ({@code /}) and the agent console ({@code /console/}); see {@link WebPagesServlet}. */
    @Bean
    ServletRegistrationBean<WebPagesServlet> webPages(Environment environment) {
        ServletRegistrationBean<WebPagesServlet> registration =
                new ServletRegistrationBean<>(new WebPagesServlet(environment.getProperty("bianmin.web.api-base", "")), "/");
        registration.setName("web-pages");
        return registration;
    }

    @Bean
    ServletRegistrationBean<DevelopmentSignInServlet> developmentSignIn(LocalTokens localTokens, Taxonomy taxonomy) {
        List<String> departments = taxonomy.leaves().stream().map(Leaf::department).distinct().sorted().toList();
        ServletRegistrationBean<DevelopmentSignInServlet> registration =
                new ServletRegistrationBean<>(new DevelopmentSignInServlet(localTokens, departments), "/local/sign-in");
        registration.setName("development-sign-in");
        return registration;
    }

    /**
     * In AWS the template creates the tables; locally they are created from the same definitions, once every bean
     * exists and before the web server starts, so that no request can arrive before its table.
     */
    @Bean
    SmartInitializingSingleton createTables(DynamoDbClient dynamo, StoreProperties store) {
        return () -> new TableProvisioner(dynamo, store.tablePrefix()).createMissing(Tables.ALL);
    }

    /** dynalite has no TTL: expired conversations, idempotency records and dead letters are swept here. */
    @Bean(destroyMethod = "close")
    ExpiredItemSweeping expiredItemSweeping(DynamoDbClient dynamo, StoreProperties store, java.time.Clock clock) {
        return new ExpiredItemSweeping(new ExpiredItemSweeper(dynamo, store.tablePrefix(), clock));
    }

    /** The embedded MQTT broker, unless {@code BIANMIN_LOCAL_MQTT_URL} points at an external one. */
    @Bean(destroyMethod = "close")
    EmbeddedMqttBroker mqttBroker(Environment environment, DynamoDeviceStore devices, DeviceCredentials deviceCredentials) {
        if (!environment.getProperty("bianmin.local.mqtt.url", "").isBlank()) {
            return null;
        }
        return new EmbeddedMqttBroker(environment.getProperty("bianmin.local.mqtt.port", Integer.class, 1883),
                deviceCredentials, devices::find, BRIDGE_USER, BRIDGE_PASSWORD);
    }

    @Bean(destroyMethod = "close")
    MqttBridge mqttBridge(Environment environment, org.springframework.beans.factory.ObjectProvider<EmbeddedMqttBroker> broker,
                          ProcessingDeviceEvent processing) {
        String external = environment.getProperty("bianmin.local.mqtt.url", "");
        if (external.isBlank()) {
            return new MqttBridge(broker.getObject().url(), BRIDGE_USER, BRIDGE_PASSWORD, processing);
        }
        return new MqttBridge(external, environment.getProperty("bianmin.local.mqtt.username", BRIDGE_USER),
                environment.getProperty("bianmin.local.mqtt.password", ""), processing);
    }

    /** The bridge's own login to the embedded broker: made fresh at every start, never configured. */
    static final String BRIDGE_USER = "bianmin-bridge";
    static final String BRIDGE_PASSWORD = java.util.UUID.randomUUID().toString();

    @Bean
    ApplicationListener<WebServerInitializedEvent> announceAddress(HttpApi localHttpApi) {
        return event -> {
            int port = event.getWebServer().getPort();
            log.info("Bianmin local runtime listening on http://localhost:{} ({} routes; try GET /health)", port,
                    localHttpApi.routes().size());
            System.out.println("Bianmin local runtime listening on http://localhost:" + port
                    + " (citizen chatbot: /, agent console: /console/)");
        };
    }
}
