package org.bianmin.devices.infrastructure;

import org.bianmin.observability.Metrics;
import java.time.Clock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.function.Function;
import org.bianmin.devices.web.DeviceRoutes;
import org.bianmin.http.ApiGatewayHttpFunction;
import org.bianmin.http.HttpApi;
import org.bianmin.queue.SqsBatch;
import org.bianmin.queue.SqsConsumer;
import org.bianmin.devices.application.DetectingOfflineDevices;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.platform.RuntimeProperties;
import org.springframework.core.env.Environment;
import org.bianmin.devices.application.DeviceRules;
import org.bianmin.devices.application.ProcessingDeviceEvent;
import org.bianmin.hotline.HotlineDirectory;
import org.bianmin.hotline.HotlineIntake;
import org.bianmin.queue.Queues;
import org.bianmin.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Configuration(proxyBeanMethods = false)
class DeviceConfiguration {

    @Bean
    DeviceRules deviceRules(HotlineDirectory hotline) {
        return DeviceRules.loadDefault(hotline::isCategory);
    }

    @Bean
    DynamoDeviceStore deviceStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoDeviceStore(dynamo, store.tablePrefix());
    }

    @Bean
    DynamoAlarmStore alarmStore(DynamoDbClient dynamo, StoreProperties store, Clock clock) {
        return new DynamoAlarmStore(dynamo, store.tablePrefix(), clock);
    }

    @Bean
    DynamoDeadLetterStore deadLetterStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoDeadLetterStore(dynamo, store.tablePrefix());
    }

    @Bean
    ProcessingDeviceEvent processingDeviceEvent(DeviceRules rules, DynamoDeviceStore devices, DynamoAlarmStore alarms,
                                                DynamoDeadLetterStore deadLetters, HotlineIntake hotline,
                                                HotlineDirectory directory, Clock clock, Metrics metrics) {
        return new ProcessingDeviceEvent(rules, devices, alarms, deadLetters, hotline, directory, clock, metrics);
    }

    /**
     * Device credentials (MQTT locally, HTTP everywhere). The secret is required in Lambda; only the local runtime
     * falls back to the public development secret, so a deployment without it fails at start instead of accepting
     * passwords anyone can compute.
     */
    @Bean
    DeviceCredentials deviceCredentials(Environment environment, RuntimeProperties runtime) {
        String secret = environment.getProperty("bianmin.devices.credentialsecret", "");
        if (secret.isBlank()) {
            if (!runtime.local()) {
                throw new IllegalStateException("BIANMIN_DEVICES_CREDENTIALSECRET is not set (the device credential secret)");
            }
            return DeviceCredentials.development();
        }
        return new DeviceCredentials(secret);
    }

    @Bean
    DeviceRoutes deviceRoutes(DynamoDeviceStore devices, DynamoAlarmStore alarms, DynamoDeadLetterStore deadLetters,
                              ProcessingDeviceEvent processing, DeviceCredentials deviceCredentials) {
        return new DeviceRoutes(devices, alarms, deadLetters, processing, deviceCredentials);
    }

    /** The heartbeat check (EventBridge, every 5 minutes in AWS): offline devices get an alarm. */
    @Bean
    Function<java.util.Map<String, Object>, java.util.Map<String, Integer>> deviceHeartbeats(DeviceRules rules,
                                                                                            DynamoDeviceStore devices,
                                                                                            DynamoAlarmStore alarms, Clock clock) {
        DetectingOfflineDevices detecting = new DetectingOfflineDevices(devices, alarms, rules, clock);
        return event -> java.util.Map.of("offline", detecting.run());
    }

    /** The device API Lambda: registry, HTTP ingestion, alarms, dead letters. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> deviceApi(DeviceRoutes routes, Metrics metrics) {
        return new ApiGatewayHttpFunction(new HttpApi(routes.routes(), metrics));
    }

    /**
     * The device events Lambda: IoT Core topic rules deliver to SQS; every message is processed; bad payloads go
     * to the dead-letter table (not retried), and only failures of our own (a store down) come back for retry.
     * Event times are judged against when SQS received the message, not when a backed-up queue delivered it.
     */
    @Bean
    Function<SQSEvent, SQSBatchResponse> deviceEvents(ProcessingDeviceEvent processing) {
        return new SqsConsumer(Queues.DEVICE_EVENTS, event -> SqsBatch.process(event,
                (String body, java.time.Instant sent) -> processing.process("iot", body, sent)));
    }
}
