package org.bianmin.hotline.infrastructure;

import org.bianmin.observability.Metrics;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bianmin.hotline.application.DeliveringDispatchNotification;
import org.bianmin.hotline.application.AddingTicketNote;
import org.bianmin.hotline.application.DispatchQueue;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.application.LinkingDuplicates;
import org.bianmin.hotline.web.StaffIncidentRoutes;
import org.bianmin.store.StoreProperties;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.bianmin.hotline.web.StaffCallerTicketsRoute;
import org.bianmin.hotline.web.StaffNoteRoute;
import org.bianmin.hotline.web.StaffQueueViewsRoute;
import org.bianmin.hotline.web.StaffRequestsRoute;
import org.bianmin.hotline.web.StaffSearchRoute;
import org.bianmin.hotline.web.StaffRoutingRoutes;
import org.bianmin.hotline.web.StaffStatsCsvRoute;
import org.bianmin.hotline.web.StaffStatsRoute;
import org.bianmin.hotline.web.StaffHotSpotsRoute;
import org.bianmin.hotline.web.StaffTransitionRoute;
import org.bianmin.http.ApiGatewayHttpFunction;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRoute;
import org.bianmin.queue.QueueBackend;
import org.bianmin.queue.Queues;
import org.bianmin.queue.SqsConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff work on tickets: queues, transitions, statistics, the router's quality and corrections, and dispatch notifications (the staffApi and
 * dispatchNotifications Lambdas).
 */
@Configuration(proxyBeanMethods = false)
class StaffConfiguration {

    @Bean
    StaffRequestsRoute staffRequestsRoute(DynamoTicketStore tickets, PhoneProtector phones, Clock clock) {
        return new StaffRequestsRoute(tickets, phones, clock);
    }

    @Bean
    StaffSearchRoute staffSearchRoute(DynamoTicketStore tickets, PhoneProtector phones, Clock clock) {
        return new StaffSearchRoute(tickets, phones, clock);
    }

    @Bean
    StaffQueueViewsRoute staffQueueViewsRoute(DynamoTicketStore tickets, Clock clock) {
        return new StaffQueueViewsRoute(tickets, clock);
    }

    @Bean
    StaffCallerTicketsRoute staffCallerTicketsRoute(DynamoTicketStore tickets) {
        return new StaffCallerTicketsRoute(tickets);
    }

    @Bean
    StaffNoteRoute staffNoteRoute(DynamoTicketStore tickets, Clock clock) {
        return new StaffNoteRoute(new AddingTicketNote(tickets, clock));
    }

    @Bean
    StaffTransitionRoute staffTransitionRoute(TransitioningTicket transitions) {
        return new StaffTransitionRoute(transitions);
    }

    @Bean
    StaffStatsRoute staffStatsRoute(DynamoTicketStatistics statistics, Clock clock) {
        return new StaffStatsRoute(statistics, clock);
    }

    @Bean
    StaffStatsCsvRoute staffStatsCsvRoute(DynamoTicketStatistics statistics, Clock clock) {
        return new StaffStatsCsvRoute(statistics, clock);
    }

    @Bean
    DynamoTicketStatistics ticketStatistics(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo,
                                            org.bianmin.store.StoreProperties store) {
        return new DynamoTicketStatistics(dynamo, store.tablePrefix());
    }

    @Bean
    StaffRoutingRoutes staffRoutingRoutes(DynamoTicketStore tickets, Clock clock) {
        return new StaffRoutingRoutes(tickets, clock);
    }

    /** A handling action on a ticket in an incident moves the whole incident. */
    @Bean
    TransitioningTicket transitioningTicket(DynamoTicketStore tickets, DispatchQueue dispatchQueue, Taxonomy taxonomy, Clock clock,
                                            DynamoIncidentStore incidents) {
        return new TransitioningTicket(tickets, clock, dispatchQueue, taxonomy, incidents);
    }

    @Bean
    StaffIncidentRoutes staffIncidentRoutes(LinkingDuplicates linking, DynamoIncidentListing incidentListing) {
        return new StaffIncidentRoutes(linking, incidentListing);
    }

    /** The incident lists (the staff function only: a Query on the incidents table's indexes). */
    @Bean
    DynamoIncidentListing incidentListing(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoIncidentListing(dynamo, store.tablePrefix());
    }

    @Bean(destroyMethod = "")
    DispatchQueue dispatchQueue(HotlineProperties properties, QueueBackend queues, DeliveringDispatchNotification delivery,
                                Metrics metrics) {
        // in AWS a notification that keeps failing goes to the SQS dead-letter queue, which has its own alarm
        return queues.choose(properties.dispatchQueueUrl(), "BIANMIN_HOTLINE_DISPATCHQUEUEURL",
                sqs -> new SqsDispatchQueue(sqs, properties.dispatchQueueUrl()), () -> new InProcessDispatchQueue(delivery, metrics));
    }

    @Bean
    DeliveringDispatchNotification deliveringDispatchNotification(DynamoTicketStore tickets, Clock clock) {
        return new DeliveringDispatchNotification(tickets, clock);
    }

    /** The dispatch-notification consumer Lambda (SQS trigger with partial batch failure reporting). */
    @Bean
    Function<SQSEvent, SQSBatchResponse> dispatchNotifications(DeliveringDispatchNotification delivery) {
        return new SqsConsumer(Queues.DISPATCH, event -> SqsDispatchQueue.consume(event, delivery));
    }

    /** The staff/workflow Lambda: ticket queues and transitions behind API Gateway's JWT authorizer. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> staffApi(StaffRequestsRoute requests,
                                                                      StaffTransitionRoute transitions,
                                                                      StaffSearchRoute search,
                                                                      StaffQueueViewsRoute views,
                                                                      StaffCallerTicketsRoute callerTickets,
                                                                      StaffNoteRoute notes,
                                                                      StaffStatsRoute stats,
                                                                      StaffStatsCsvRoute statsCsv,
                                                                      StaffRoutingRoutes routing,
                                                                      StaffHotSpotsRoute hotSpots,
                                                                      StaffIncidentRoutes incidents,
                                                                      Metrics metrics) {
        List<HttpRoute> routes = new ArrayList<>(List.of(requests, transitions, stats, search, views, callerTickets, notes,
                hotSpots));
        routes.add(statsCsv);
        routes.addAll(routing.routes());
        routes.addAll(incidents.routes());
        return new ApiGatewayHttpFunction(new HttpApi(routes, metrics));
    }
}
