package org.bianmin.hotline.infrastructure;

import java.time.Clock;
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
 * Hot spots: the clustering of filed tickets (in the function that files citizens' requests and imports, which has
 * the analyzer) and the staff listing (in the staff function, which only reads clusters).
 */
@Configuration(proxyBeanMethods = false)
class HotSpotConfiguration {

    /**
     * Clusters every ticket the intake files from now on (new requests and imports alike), after it is stored.
     */
    @Bean
    AssigningHotSpot assigningHotSpot(@Qualifier("hotSpotWriter") DynamoHotSpotStore writer, ChineseAnalyzer analyzer,
                                      FilingRequest filing) {
        AssigningHotSpot assigning = new AssigningHotSpot(writer, analyzer);
        filing.afterFiling(assigning::assign);
        return assigning;
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
