package org.bianmin.hotline.infrastructure;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.RoutingFeatures;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.training.RouterTraining;
import org.bianmin.hotline.training.TrainingRouterJob;
import org.bianmin.knowledge.KnowledgeEntries;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The router training Lambda ({@code trainRouter}): {@code train-router} on S3. Invoked by hand or on a schedule
 * with {@code {"inputs":["history/2025.jsonl"], "holdout":[...], "bucket"?, "outputPrefix"?, "currentModelKey"?,
 * "targetPrecision"?}}; the bucket defaults to {@code BIANMIN_ROUTER_BUCKET}. The analyzer, the knowledge (for the
 * built-in model to compare with) and the S3 client are made when it runs, not when it starts: its cold start
 * does not matter, and the other functions of the jar never pay for them.
 */
@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

    static final String DEFAULT_OUTPUT_PREFIX = "models/";
    static final String DEFAULT_CURRENT_MODEL = "models/router.model";

    @Bean
    Function<Map<String, Object>, TrainingRouterJob.Result> trainRouter(ObjectProvider<ChineseAnalyzer> analyzer,
                                                                        ObjectProvider<KnowledgeEntries> knowledge,
                                                                        ObjectProvider<Taxonomy> taxonomy,
                                                                        Environment environment, Clock clock) {
        return event -> {
            String bucket = text(event, "bucket", environment.getProperty("bianmin.router.bucket"));
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("no bucket: give \"bucket\" in the event or set BIANMIN_ROUTER_BUCKET");
            }
            try (S3Client s3 = s3(environment)) {
                RoutingFeatures features = new RoutingFeatures(analyzer.getObject());
                TrainingRouterJob job = new TrainingRouterJob(new S3TrainingStorage(s3, bucket),
                        new RouterTraining(features, clock),
                        () -> RequestClassifier.builtInModel(taxonomy.getObject(), knowledge.getObject().entries(), features));
                return job.run(request(event));
            }
        };
    }

    /** The job's request from the invocation event, with the documented defaults. */
    static TrainingRouterJob.Request request(Map<String, Object> event) {
        Object precision = event == null ? null : event.get("targetPrecision");
        return new TrainingRouterJob.Request(keys(event, "inputs"), keys(event, "holdout"),
                text(event, "outputPrefix", DEFAULT_OUTPUT_PREFIX), text(event, "currentModelKey", DEFAULT_CURRENT_MODEL),
                precision == null ? 0.95 : Double.parseDouble(String.valueOf(precision)));
    }

    private static List<String> keys(Map<String, Object> event, String name) {
        Object value = event == null ? null : event.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static String text(Map<String, Object> event, String name, String fallback) {
        Object value = event == null ? null : event.get(name);
        return value == null ? fallback : String.valueOf(value);
    }

    /** An S3 client for the function's region; {@code BIANMIN_ROUTER_S3ENDPOINT} points it at an S3-compatible store. */
    private static S3Client s3(Environment environment) {
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        String endpoint = environment.getProperty("bianmin.router.s3endpoint");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(java.net.URI.create(endpoint)).forcePathStyle(true);
        }
        return builder.build();
    }
}
