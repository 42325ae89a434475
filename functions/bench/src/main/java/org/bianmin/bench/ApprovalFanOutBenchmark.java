package org.bianmin.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.approval.application.DecidingApplication;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.CheckRule;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import org.bianmin.approval.sources.DataSource;
import org.bianmin.approval.sources.FixtureDataSource;
import org.bianmin.approval.sources.SyntheticPopulation;

/**
 * 秒批 fan-out overhead: an item with 8 checks on 8 sources of 20-80 ms simulated latency, 200 applications in
 * flight, for a fixed time. Overhead = decision latency minus the slowest check's latency (what the fan-out,
 * evaluation and bookkeeping add beyond waiting for the slowest source). Target: p99 <= 5 ms.
 *
 * <pre>java -cp functions/bench/target/benchmarks.jar org.bianmin.bench.ApprovalFanOutBenchmark [inFlight] [seconds]</pre>
 */
public final class ApprovalFanOutBenchmark {

    private ApprovalFanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int inFlight = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        SyntheticPopulation population = new SyntheticPopulation(1200, 20261121L, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        Map<String, DataSource> sources = new LinkedHashMap<>();
        List<CheckRule> checks = new ArrayList<>();
        long seed = 1;
        for (String name : SyntheticPopulation.SOURCES) {
            sources.put(name, new FixtureDataSource(name, population, Duration.ofMillis(20), Duration.ofMillis(80), 0, seed++));
            String field = population.record(name, population.people().get(0)).keySet().iterator().next();
            checks.add(new CheckRule(name + "-check", name, name, field, "!=", -1, "不符合"));
        }
        ServiceItem item = new ServiceItem("bench-8-checks", "基准测试事项", "基准", "8项核验", List.of(), checks);
        DecidingApplication deciding = new DecidingApplication(sources, Duration.ofMillis(1500), Duration.ofSeconds(3),
                Clock.systemUTC());
        List<ResidentId> people = population.people();

        run(deciding, item, people, inFlight, 10, null);
        List<Double> overheads = Collections.synchronizedList(new ArrayList<>());
        List<Double> totals = Collections.synchronizedList(new ArrayList<>());
        int decided = run(deciding, item, people, inFlight, seconds, (total, slowest) -> {
            overheads.add(total - slowest);
            totals.add(total);
        });
        Collections.sort(overheads);
        Collections.sort(totals);
        System.out.printf(Locale.ROOT, "fan-out, 8 checks of 20-80 ms, %d in flight: %d decisions in %d s (%.0f/s); "
                        + "decision latency p50 %.1f ms p99 %.1f ms; overhead beyond the slowest check p50 %.2f ms, p99 %.2f ms%n",
                inFlight, decided, seconds, (double) decided / seconds, at(totals, 0.5), at(totals, 0.99),
                at(overheads, 0.5), at(overheads, 0.99));
    }

    interface Sample {
        void record(double totalMs, double slowestMs);
    }

    static int run(DecidingApplication deciding, ServiceItem item, List<ResidentId> people, int inFlight, int seconds,
                   Sample sample) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < inFlight; w++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    int i = count.getAndIncrement();
                    long start = System.nanoTime();
                    ApprovalDecision decision = deciding.decide("bench-" + i, item, people.get(i % people.size()));
                    double total = (System.nanoTime() - start) / 1e6;
                    double slowest = decision.checks().stream().mapToLong(ApprovalDecision.CheckResult::latencyMs).max().orElse(0);
                    if (sample != null) {
                        sample.record(total, slowest);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return count.get();
    }

    static double at(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
