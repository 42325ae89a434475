package org.bianmin.devices.infrastructure;

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
    DynamoAlarmStore alarmStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoAlarmStore(dynamo, store.tablePrefix());
    }

    @Bean
    DynamoDeadLetterStore deadLetterStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoDeadLetterStore(dynamo, store.tablePrefix());
    }

    @Bean
    ProcessingDeviceEvent processingDeviceEvent(DeviceRules rules, DynamoDeviceStore devices, DynamoAlarmStore alarms,
                                                DynamoDeadLetterStore deadLetters, HotlineIntake hotline,
                                                HotlineDirectory directory) {
        return new ProcessingDeviceEvent(rules, devices, alarms, deadLetters, hotline, directory);
    }

    @Bean
    DeviceRoutes deviceRoutes(DynamoDeviceStore devices, DynamoAlarmStore alarms, DynamoDeadLetterStore deadLetters,
                              ProcessingDeviceEvent processing) {
        return new DeviceRoutes(devices, alarms, deadLetters, processing);
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
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> deviceApi(DeviceRoutes routes) {
        return new ApiGatewayHttpFunction(new HttpApi(routes.routes()));
    }

    /**
     * The device events Lambda: IoT Core topic rules deliver to SQS; every message is processed; bad payloads go
     * to the dead-letter table (not retried), and only failures of our own (a store down) come back for retry.
     */
    @Bean
    Function<SQSEvent, SQSBatchResponse> deviceEvents(ProcessingDeviceEvent processing) {
        return new SqsConsumer(Queues.DEVICE_EVENTS, event -> SqsBatch.process(event, body -> processing.process("iot", body)));
    }
}
