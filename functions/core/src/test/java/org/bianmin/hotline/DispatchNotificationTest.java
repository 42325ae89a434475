package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.http.Json;
import org.bianmin.hotline.application.DeliveringDispatchNotification;
import org.bianmin.hotline.application.DispatchNotification;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.InProcessDispatchQueue;
import org.bianmin.hotline.infrastructure.SqsDispatchQueue;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketAction;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/** Dispatch notifications: the in-process queue locally, and the SQS consumer with AWS's SQS event shape. */
class DispatchNotificationTest {

    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final DeliveringDispatchNotification delivery =
            new DeliveringDispatchNotification(tickets, Clock.systemUTC());

    private static String file() {
        return new FilingRequest(new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER),
                GridRegistry.loadDefault(), new Deadlines(HolidayFile.loadDefault()), tickets,
                new PhoneProtector(KEY, KEY), Clock.systemUTC())
                .file(new NewRequest("桂花路的路灯坏了一个星期了", PhoneNumber.parse("13812345678").orElseThrow(), null, "api", null))
                .trackingNumber();
    }

    private static DispatchNotification notification(String trackingNumber) {
        return new DispatchNotification(trackingNumber, "DISPATCH", "市城市管理局", null, "路灯故障", "NORMAL",
                Instant.now().toString(), Instant.now().toString());
    }

    @Test
    void dispatchingNotifiesTheDepartmentThroughTheQueueAndTheDeliveryIsOnTheAuditTrail() throws Exception {
        try (InProcessDispatchQueue queue = new InProcessDispatchQueue(delivery)) {
            String number = file();
            new TransitioningTicket(tickets, Clock.systemUTC(), queue, Taxonomy.loadDefault()).transition(number, TicketAction.DISPATCH, null,
                    "市城市管理局", new StaffMember("dispatcher-1", null, true));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            Ticket ticket = tickets.find(number).orElseThrow();
            while (ticket.events().stream().noneMatch(e -> e.action().equals("NOTIFY")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
                ticket = tickets.find(number).orElseThrow();
            }
            assertThat(ticket.events()).extracting(e -> e.action()).containsExactly("RECEIVE", "DISPATCH", "NOTIFY");
            assertThat(ticket.events().get(2).note()).contains("市城市管理局");

            queue.publish(notification("BM000000000000"));
            Instant dlqDeadline = Instant.now().plus(Duration.ofSeconds(10));
            while (queue.deadLetters().isEmpty() && Instant.now().isBefore(dlqDeadline)) {
                Thread.sleep(50);
            }
            assertThat(queue.deadLetters()).extracting(DispatchNotification::trackingNumber).containsExactly("BM000000000000");
        }
    }

    @Test
    void theSqsConsumerReportsOnlyTheFailedMessagesOfABatch() {
        String number = file();
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-dispatch.json");
        event.getRecords().get(0).setBody(Json.write(notification(number)));
        event.getRecords().get(1).setBody(Json.write(notification("BM000000000000")));

        SQSBatchResponse response = SqsDispatchQueue.consume(event, delivery);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(1).getMessageId());
        assertThat(tickets.find(number).orElseThrow().events()).extracting(e -> e.action()).contains("NOTIFY");
    }
}
