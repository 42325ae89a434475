package org.bianmin.hotline.infrastructure;

import org.bianmin.observability.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bianmin.hotline.HotlineDirectory;
import org.bianmin.hotline.HotlineIntake;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.LinkingDuplicates;
import org.bianmin.hotline.similarity.CheckingDuplicatesAtIntake;
import org.bianmin.hotline.similarity.FindingSimilarTickets;
import org.bianmin.hotline.application.ImportingHistoricalRequest;
import org.bianmin.hotline.application.HotlineDirectoryService;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.knowledge.KnowledgeEntries;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.store.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hotline's shared core: taxonomy and classifier, grids, the ticket store, phone protection, filing, and the
 * published ports. What each Lambda adds lives in the configuration of its use (intake, staff, Open311, scheduled jobs).
 */
@Configuration(proxyBeanMethods = false)
class HotlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HotlineConfiguration.class);

    /** The channel the device functions file alarms under. */
    static final String DEVICE_CHANNEL = "device";

    @Bean
    Taxonomy taxonomy() {
        return Taxonomy.loadDefault();
    }

    /**
     * The router: the model {@code BIANMIN_ROUTER_MODEL} names (a file, or s3:// in AWS), trained by
     * {@code train-router} from the city's history; without it, the built-in model trained from the project's text.
     */
    @Bean
    RequestClassifier requestClassifier(Taxonomy taxonomy, ObjectProvider<KnowledgeEntries> knowledge,
                                        ChineseAnalyzer analyzer, Environment environment) {
        String location = routerModel(environment);
        if (location == null) {
            return new RequestClassifier(taxonomy, knowledge.getObject().entries(), analyzer);
        }
        RequestClassifier classifier = new RequestClassifier(taxonomy, analyzer, RouterModelSource.load(location));
        log.info("router model {} from {}", classifier.modelVersion(), location);
        return classifier;
    }

    static String routerModel(Environment environment) {
        String location = environment.getProperty(ROUTER_MODEL);
        return location == null || location.isBlank() ? null : location.strip();
    }

    /** {@code BIANMIN_ROUTER_MODEL} in the environment. */
    static final String ROUTER_MODEL = "bianmin.router.model";

    @Bean
    GridRegistry gridRegistry() {
        return GridRegistry.loadDefault();
    }

    @Bean
    DynamoTicketStore ticketStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoTicketStore(dynamo, store.tablePrefix());
    }

    @Bean
    PhoneProtector phoneProtector(HotlineProperties properties) {
        if (properties.phoneHashKey() == null || properties.phoneEncryptionKey() == null) {
            if (!properties.allowDevelopmentKeys()) {
                throw new IllegalStateException("set BIANMIN_HOTLINE_PHONEHASHKEY and BIANMIN_HOTLINE_PHONEENCRYPTIONKEY"
                        + " (base64 of 32 random bytes each, from Secrets Manager)");
            }
            log.warn("phone numbers are protected with the public DEVELOPMENT keys: never use this runtime for real calls");
            byte[] development = "bianmin-development-key-32-bytes".getBytes(StandardCharsets.US_ASCII);
            return new PhoneProtector(development, development);
        }
        return new PhoneProtector(Base64.getDecoder().decode(properties.phoneHashKey()),
                Base64.getDecoder().decode(properties.phoneEncryptionKey()),
                keys(properties.phoneHashKeyPrevious()), keys(properties.phoneEncryptionKeyPrevious()));
    }

    /** Comma-separated base64 keys; empty (no rotation under way) gives none. */
    static List<byte[]> keys(String commaSeparated) {
        List<byte[]> keys = new ArrayList<>();
        if (commaSeparated != null) {
            for (String key : commaSeparated.split(",")) {
                if (!key.isBlank()) {
                    keys.add(Base64.getDecoder().decode(key.strip()));
                }
            }
        }
        return keys;
    }

    /**
     * The built-in classifier is trained on first use, so functions that file only with a named category never
     * pay for it. A configured model is loaded now: a missing or damaged model file must stop the start, not the
     * first citizen's request.
     */
    @Bean
    FilingRequest filingRequest(ObjectProvider<RequestClassifier> classifier, GridRegistry grids, DynamoTicketStore tickets,
                                PhoneProtector phones, Clock clock, Environment environment, Metrics metrics,
                                ObjectProvider<CheckingDuplicatesAtIntake> duplicates) {
        if (routerModel(environment) != null) {
            classifier.getObject();
        }
        // resolved on the first filing, like the classifier: a function that never files never loads the analyzer for it.
        // Device alarms are not checked: the alarm rules already keep one open alarm, so one ticket, per device and
        // type, and the device functions stay small (no analyzer, no index grant).
        return new FilingRequest(classifier::getObject, grids, new Deadlines(HolidayFile.loadDefault()), tickets, phones,
                clock, metrics, draft -> DEVICE_CHANNEL.equals(draft.channel()) ? java.util.List.of()
                        : duplicates.getObject().likelyDuplicates(draft));
    }

    /** The intake's similarity check (重复件), kept with each new ticket. */
    @Bean
    CheckingDuplicatesAtIntake checkingDuplicatesAtIntake(FindingSimilarTickets similar) {
        return new CheckingDuplicatesAtIntake(similar);
    }

    @Bean
    FindingSimilarTickets findingSimilarTickets(DynamoTicketStore tickets, ChineseAnalyzer analyzer) {
        return new FindingSimilarTickets(tickets, analyzer);
    }

    @Bean
    DynamoIncidentStore incidentStore(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoIncidentStore(dynamo, store.tablePrefix());
    }

    /** Linking duplicates into incidents: the dispatch centre's routes and the citizen's follow. */
    @Bean
    LinkingDuplicates linkingDuplicates(DynamoTicketStore tickets, DynamoIncidentStore incidents, Taxonomy taxonomy,
                                        Clock clock) {
        return new LinkingDuplicates(tickets, incidents, taxonomy, clock);
    }

    /** The hotline's published intake port, how other capabilities file requests. */
    @Bean
    HotlineIntake hotlineIntake(FilingRequest filing, Taxonomy taxonomy, DynamoIdempotency idempotency,
                                ObjectProvider<ImportingHistoricalRequest> importing) {
        return new HotlineIntakeService(filing, taxonomy, idempotency, importing::getObject);
    }

    /** Historical imports, idempotent per external id through the id registry. */
    @Bean
    ImportingHistoricalRequest importingHistoricalRequest(FilingRequest filing, DynamoTicketStore tickets,
                                                          DynamoExternalIdRegistry externalIds) {
        return new ImportingHistoricalRequest(filing, tickets, externalIds);
    }

    @Bean
    DynamoExternalIdRegistry externalIdRegistry(DynamoDbClient dynamo, StoreProperties store) {
        return new DynamoExternalIdRegistry(dynamo, store.tablePrefix());
    }

    /** The hotline's published read port: reference data only, so it costs a function no ticket permissions. */
    @Bean
    HotlineDirectory hotlineDirectory(Taxonomy taxonomy, GridRegistry grids) {
        return new HotlineDirectoryService(taxonomy, grids);
    }
}
