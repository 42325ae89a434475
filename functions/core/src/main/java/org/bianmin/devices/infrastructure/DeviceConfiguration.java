package org.bianmin.devices.infrastructure;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.function.Function;
import org.bianmin.api.ApiGatewayHttpFunction;
import org.bianmin.api.HttpApi;
import org.bianmin.api.SqsBatch;
import org.bianmin.devices.application.DetectingOfflineDevices;
import org.bianmin.devices.application.DeviceRules;
import org.bianmin.devices.application.ProcessingDeviceEvent;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.routing.GridRegistry;
import org.bianmin.hotline.routing.Taxonomy;
import org.bianmin.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Configuration(proxyBeanMethods = false)
public class DeviceConfiguration {

    @Bean
    DeviceRules deviceRules(Taxonomy taxonomy) {
        return DeviceRules.loadDefault(code -> taxonomy.leaf(code).isPresent());
    }

    @Bean
    ProcessingDeviceEvent processingDeviceEvent(DeviceRules rules, DynamoDbClient dynamo, StoreProperties store,
                                                FilingRequest filing, Taxonomy taxonomy, GridRegistry grids) {
        return new ProcessingDeviceEvent(rules, new DynamoDeviceStore(dynamo, store.tablePrefix()),
                new DynamoAlarmStore(dynamo, store.tablePrefix()), new DynamoDeadLetterStore(dynamo, store.tablePrefix()),
                filing, taxonomy, grids);
    }

    @Bean
    DeviceRoutes deviceRoutes(DynamoDbClient dynamo, StoreProperties store, ProcessingDeviceEvent processing) {
        return new DeviceRoutes(new DynamoDeviceStore(dynamo, store.tablePrefix()), new DynamoAlarmStore(dynamo, store.tablePrefix()),
                new DynamoDeadLetterStore(dynamo, store.tablePrefix()), processing);
    }

    /** The heartbeat check (EventBridge, every 5 minutes in AWS): offline devices get an alarm. */
    @Bean
    Function<java.util.Map<String, Object>, java.util.Map<String, Integer>> deviceHeartbeats(DeviceRules rules,
                                                                                            DynamoDbClient dynamo,
                                                                                            StoreProperties store) {
        DetectingOfflineDevices detecting = new DetectingOfflineDevices(new DynamoDeviceStore(dynamo, store.tablePrefix()),
                new DynamoAlarmStore(dynamo, store.tablePrefix()), rules, java.time.Clock.systemUTC());
        return event -> java.util.Map.of("offline", detecting.run());
    }

    /** The device API Lambda: registry, HTTP ingestion, alarms, dead letters. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> deviceApi(DeviceRoutes routes) {
        return new ApiGatewayHttpFunction(new HttpApi(routes.routes()));
    }

    /**
     * The device events Lambda: IoT Core topic rules deliver to SQS; every message is processed; bad payloads go
     * to the dead-letter table (not retried), and only failures of our own (a store down) come back for retry.
     */
    @Bean
    Function<SQSEvent, SQSBatchResponse> deviceEvents(ProcessingDeviceEvent processing) {
        return event -> SqsBatch.process(event, body -> processing.process("iot", body));
    }
}
