package org.bianmin.hotline.infrastructure;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.util.function.Function;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.hotspots.AssigningHotSpot;
import org.bianmin.hotline.hotspots.ListingHotSpots;
import org.bianmin.hotline.web.StaffHotSpotsRoute;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.store.StoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Hot spots: the clustering of every new ticket and the staff listing (in the staff function, which only reads
 * clusters). In AWS one function clusters, fed by the tickets table's stream ({@code hotSpotClustering}), whichever
 * function filed the ticket; the local runtime's engine has no streams, so there the clustering listens to the
 * filing itself ({@code clusteringAtFiling}, created because the local context is not lazy, and never in a Lambda,
 * where nothing asks for it).
 */
@Configuration(proxyBeanMethods = false)
class HotSpotConfiguration {

    @Bean
    AssigningHotSpot assigningHotSpot(@Qualifier("hotSpotWriter") DynamoHotSpotStore writer, ChineseAnalyzer analyzer) {
        return new AssigningHotSpot(writer, analyzer);
    }

    /** Without streams (the local runtime): every ticket filed from now on, by any path, is clustered once stored. */
    @Bean
    ClusteringAtFiling clusteringAtFiling(AssigningHotSpot assigning, FilingRequest filing) {
        filing.afterFiling(assigning::assign);
        return new ClusteringAtFiling();
    }

    /** The mark that the filing's clustering listener is registered. */
    static final class ClusteringAtFiling {
    }

    /** The hot-spot clustering Lambda: the tickets table's stream, every inserted ticket into a cluster. */
    @Bean
    Function<DynamodbEvent, StreamsEventResponse> hotSpotClustering(DynamoTicketStore tickets, AssigningHotSpot assigning) {
        return new ClusteringNewTickets(tickets, assigning);
    }

    @Bean
    DynamoHotSpotStore hotSpotWriter(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoHotSpotStore(dynamo, store.tablePrefix(), true);
    }

    @Bean
    DynamoHotSpotStore hotSpotReader(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoHotSpotStore(dynamo, store.tablePrefix(), false);
    }

    @Bean
    StaffHotSpotsRoute staffHotSpotsRoute(@Qualifier("hotSpotReader") DynamoHotSpotStore hotSpotReader, Clock clock) {
        return new StaffHotSpotsRoute(new ListingHotSpots(hotSpotReader), clock);
    }
}
