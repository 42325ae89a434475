package org.bianmin.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.approval.application.BatchStore;
import org.bianmin.approval.application.DecidingApplication;
import org.bianmin.approval.application.ReverifyingRecipients;
import org.bianmin.approval.application.ServiceCatalog;
import org.bianmin.approval.infrastructure.InProcessReverificationQueue;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.sources.DataSource;
import org.bianmin.approval.sources.FixtureDataSource;
import org.bianmin.approval.sources.SyntheticPopulation;

/**
 * Batch re-verification throughput through the in-process queue (32 workers, chunks of 25), sources answering in
 * 20-80 ms. Progress is counted in memory here, so the number is the fan-out's, not DynamoDB Local's.
 *
 * <pre>java -cp functions/bench/target/benchmarks.jar org.bianmin.bench.ReverificationBenchmark [recipients]</pre>
 */
public final class ReverificationBenchmark {

    private ReverificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        SyntheticPopulation population = new SyntheticPopulation(1200, 20261121L, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        Map<String, DataSource> sources = new LinkedHashMap<>();
        long seed = 1;
        for (String name : SyntheticPopulation.SOURCES) {
            sources.put(name, new FixtureDataSource(name, population, Duration.ofMillis(20), Duration.ofMillis(80), 0, seed++));
        }
        ServiceCatalog catalog = ServiceCatalog.load(Set.copyOf(SyntheticPopulation.SOURCES));
        AtomicInteger processed = new AtomicInteger();
        BatchStore counting = new BatchStore() {
            @Override
            public void create(String batchId, String item, int total, String createdAt) {
            }

            @Override
            public void addProgress(String batchId, int approved, int rejected, int manualReview, int failed) {
                processed.addAndGet(approved + rejected + manualReview + failed);
            }

            @Override
            public void keepForReview(String batchId, ApprovalDecision decision, String applicantMasked) {
            }

            @Override
            public Optional<Map<String, Object>> progress(String batchId) {
                return Optional.empty();
            }
        };
        ReverifyingRecipients reverifying = new ReverifyingRecipients(catalog, new DecidingApplication(sources,
                Duration.ofMillis(1500), Duration.ofSeconds(3), Clock.systemUTC()), counting, Clock.systemUTC());
        List<ResidentId> people = population.people();
        List<ResidentId> batch = new java.util.ArrayList<>(recipients);
        for (int i = 0; i < recipients; i++) {
            batch.add(people.get(i % people.size()));
        }
        try (InProcessReverificationQueue queue = new InProcessReverificationQueue(reverifying, 32)) {
            long start = System.nanoTime();
            reverifying.start(catalog.item("talent-rent-subsidy").orElseThrow(), batch, queue);
            while (processed.get() < recipients) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "re-verification of %d recipients (5 sources of 20-80 ms each): %.1f s, %.0f recipients/s%n",
                    recipients, seconds, recipients / seconds);
        }
    }
}
