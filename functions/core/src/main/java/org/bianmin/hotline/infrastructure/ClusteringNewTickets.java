package org.bianmin.hotline.infrastructure;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.hotspots.AssigningHotSpot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot-spot clustering of every new ticket in AWS, whichever function filed it (citizens' requests, Open311, the
 * historical import, device alarms): the tickets table's stream (keys only) delivers each inserted ticket here, and
 * it joins or starts a cluster ({@link AssigningHotSpot}). One place clusters, so the functions that file stay free
 * of the analyzer and of the hot-spot table, and a ticket filed by a path added later is clustered too.
 *
 * <p>Redelivery is harmless: a ticket already in a cluster keeps it. A record that fails (a store error) is reported
 * as the batch's first failure, so Lambda retries from it and nothing after it is lost; a ticket gone meanwhile is
 * skipped.
 */
public final class ClusteringNewTickets implements Function<DynamodbEvent, StreamsEventResponse> {

    private static final Logger log = LoggerFactory.getLogger(ClusteringNewTickets.class);

    private final TicketStore tickets;
    private final AssigningHotSpot assigning;

    public ClusteringNewTickets(TicketStore tickets, AssigningHotSpot assigning) {
        this.tickets = tickets;
        this.assigning = assigning;
    }

    @Override
    public StreamsEventResponse apply(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if (!"INSERT".equals(record.getEventName())) {
                continue; // a changed ticket (transitions, links) keeps its cluster
            }
            String trackingNumber = record.getDynamodb().getKeys().get("trackingNumber").getS();
            try {
                tickets.find(trackingNumber).ifPresentOrElse(ticket -> {
                    AssigningHotSpot.Assignment assignment = assigning.assign(ticket);
                    log.info("ticket clustered trackingNumber={} cluster={} joined={} size={}", trackingNumber,
                            assignment.clusterId(), assignment.joined(), assignment.clusterSize());
                }, () -> log.warn("ticket of stream record gone, not clustered trackingNumber={}", trackingNumber));
            } catch (RuntimeException e) {
                log.error("clustering failed trackingNumber={}: {}", trackingNumber, e.toString());
                // stream batches are ordered: report this record and let Lambda retry from it
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
                break;
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }
}
