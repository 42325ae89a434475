package org.bianmin.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.bianmin.hotline.application.DuplicateCheck;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.Leaf;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.similarity.CheckingDuplicatesAtIntake;
import org.bianmin.hotline.similarity.FindingSimilarTickets;
import org.bianmin.hotline.web.IntakeRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.observability.Metrics;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What the intake's similarity check (重复件) adds to filing, at 100,000 tickets: the tickets table is preloaded with
 * that many tickets of the last 90 days (most of them in the categories the measured requests fall into, so that
 * every check reads its full {@code FindingSimilarTickets} candidate page: the worst case), then the intake route
 * runs in process with and without the check on the same store, in alternating rounds of the same length, from one
 * client (latency, not throughput). The check's own time inside each filing is recorded too.
 *
 * <pre>java -cp functions/bench/target/benchmarks.jar org.bianmin.bench.SimilarityCheckLoadDriver [tickets] [rounds] [seconds]</pre>
 */
public final class SimilarityCheckLoadDriver {

    private static final String PREFIX = "similar-";
    private static final List<String> PLACES = places();
    private static final List<String> PROBLEMS = List.of(
            "的路灯坏了一个星期了，晚上一片漆黑，老人小孩出门很不安全，希望尽快派人修好",
            "附近工地晚上十二点还在打桩施工，噪音很大，吵得孩子睡不着觉，多次反映没有结果",
            "包工头拖欠我们三个月工资不给，已经找了好几次，一直推脱说没有钱，请劳动部门帮忙",
            "门口的井盖丢了好几天，很危险，已经有人差点掉下去，赶紧派人来看看处理一下",
            "楼下的餐馆油烟直排，每天晚上熏得没法开窗，油烟机也不清洗，影响居民生活");
    private static final List<String> DETAILS = List.of("已经持续很长时间了。", "周边居民意见很大。", "之前打过电话没有解决。",
            "请相关部门尽快处理。", "希望能给个答复。", "晚上尤其严重。", "给附近的居民带来很大困扰。");

    private SimilarityCheckLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        try (DynaliteServer server = BenchStore.start()) {
            try (DynamoDbClient dynamo = BenchStore.client(server, PREFIX)) {
                byte[] key = "benchmark-key-0123456789-abcdefg".getBytes();
                ChineseAnalyzer analyzer = ChineseAnalyzer.withDefaultResources();
                RequestClassifier classifier = new RequestClassifier(Taxonomy.loadDefault(),
                        new KnowledgeBaseLoader().load().entries(), analyzer);
                DynamoTicketStore tickets = new DynamoTicketStore(dynamo, PREFIX);
                FindingSimilarTickets similar = new FindingSimilarTickets(tickets, analyzer);
                ConcurrentLinkedQueue<Long> checkMicros = new ConcurrentLinkedQueue<>();
                CheckingDuplicatesAtIntake check = new CheckingDuplicatesAtIntake(similar);
                DuplicateCheck timed = draft -> {
                    long t0 = System.nanoTime();
                    try {
                        return check.likelyDuplicates(draft);
                    } finally {
                        checkMicros.add((System.nanoTime() - t0) / 1000);
                    }
                };
                HttpApi without = intake(dynamo, tickets, classifier, key, DuplicateCheck.NONE);
                HttpApi with = intake(dynamo, tickets, classifier, key, timed);

                List<String> hotCategories = preload(dynamo, tickets, classifier, key, total);
                System.out.printf(Locale.ROOT, "categories of the measured requests: %s%n", hotCategories);

                Random random = new Random(7);
                IntFunction<Boolean> filingWithout = i -> file(without, random);
                IntFunction<Boolean> filingWith = i -> file(with, random);
                HttpLoadDriver.runCalls("warm-up without", 1, 10, filingWithout);
                HttpLoadDriver.runCalls("warm-up with", 1, 10, filingWith);
                checkMicros.clear();
                List<Long> latWithout = new ArrayList<>();
                List<Long> latWith = new ArrayList<>();
                int errors = 0;
                for (int r = 0; r < rounds; r++) {
                    HttpLoadDriver.Result a = HttpLoadDriver.runCalls("round " + r + " intake without the check", 1, seconds, filingWithout);
                    HttpLoadDriver.Result b = HttpLoadDriver.runCalls("round " + r + " intake with the check", 1, seconds, filingWith);
                    a.print();
                    b.print();
                    latWithout.addAll(a.latenciesMicros());
                    latWith.addAll(b.latenciesMicros());
                    errors += a.errors() + b.errors();
                }
                System.out.printf(Locale.ROOT, "tickets in the table: %d (%s), errors %d%n", total + latWithout.size()
                        + latWith.size(), BenchStore.label(), errors);
                print("intake without the check", latWithout);
                print("intake with the check", latWith);
                print("the check alone, inside intake", new ArrayList<>(checkMicros));
                System.out.printf(Locale.ROOT, "p99 added by the check: %.2f ms (p50 %.2f ms)%n",
                        (percentile(latWith, 0.99) - percentile(latWithout, 0.99)) / 1000.0,
                        (percentile(latWith, 0.50) - percentile(latWithout, 0.50)) / 1000.0);
            }
        }
    }

    private static HttpApi intake(DynamoDbClient dynamo, DynamoTicketStore tickets, RequestClassifier classifier, byte[] key,
                                  DuplicateCheck check) {
        FilingRequest filing = new FilingRequest(() -> classifier, GridRegistry.loadDefault(),
                new Deadlines(HolidayFile.loadDefault()), tickets, new PhoneProtector(key, key), Clock.systemUTC(),
                Metrics.none(), check);
        return new HttpApi(List.of(new IntakeRoute(filing, new DynamoIdempotency(dynamo, PREFIX, Clock.systemUTC()))));
    }

    private static boolean file(HttpApi api, Random random) {
        String body = "{\"text\":\"" + text(random) + "\",\"phone\":\"13800001234\",\"channel\":\"phone\"}";
        return api.handle(new HttpRequest("POST", "/v1/requests", Map.of("content-type", "application/json",
                "idempotency-key", UUID.randomUUID().toString()), Map.of(), body, "bench", Map.of())).status() == 201;
    }

    /** A request of the length citizens write: a place, the problem, two sentences of detail. */
    private static String text(Random random) {
        return PLACES.get(random.nextInt(PLACES.size())) + PROBLEMS.get(random.nextInt(PROBLEMS.size()))
                + DETAILS.get(random.nextInt(DETAILS.size())) + DETAILS.get(random.nextInt(DETAILS.size()));
    }

    /** 2,000 place names (roads and compounds) for the texts: many share a problem, few share a place. */
    private static List<String> places() {
        String syllables = "金银桂兰梅竹松柏桃李杏枫桐榆柳槐枣栗杉橙柚琴棋书画诗词歌赋春夏秋冬东南西北朝阳新华人民建设解放和平幸福光明";
        String[] kinds = {"路", "街", "小区", "花园", "新村", "家园"};
        Random random = new Random(11);
        List<String> names = new ArrayList<>();
        while (names.size() < 2_000) {
            names.add("" + syllables.charAt(random.nextInt(syllables.length())) + syllables.charAt(random.nextInt(syllables.length()))
                    + kinds[random.nextInt(kinds.length)]);
        }
        return names;
    }

    /**
     * Writes {@code total} tickets with BatchWriteItem: real ticket items (one filed per problem, through the intake)
     * copied with their own number, text, time and status; 60% in the categories of the measured requests, the rest
     * spread over every other category.
     *
     * @return the categories of the measured requests
     */
    private static List<String> preload(DynamoDbClient dynamo, DynamoTicketStore tickets, RequestClassifier classifier,
                                        byte[] key, int total) throws Exception {
        FilingRequest filing = new FilingRequest(() -> classifier, GridRegistry.loadDefault(),
                new Deadlines(HolidayFile.loadDefault()), tickets, new PhoneProtector(key, key), Clock.systemUTC());
        String table = Tables.TICKETS.tableName(PREFIX);
        List<Map<String, AttributeValue>> samples = new ArrayList<>();
        List<String> hot = new ArrayList<>();
        for (String problem : PROBLEMS) {
            String number = filing.file(new NewRequest("样本路" + problem, PhoneNumber.parse("13800001234").orElseThrow(),
                    null, "phone", null)).trackingNumber();
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table)
                    .key(Map.of("trackingNumber", AttributeValue.fromS(number)))).item();
            samples.add(item);
            hot.add(item.get("categoryCode").s());
        }
        List<Leaf> others = Taxonomy.loadDefault().leaves().stream().filter(l -> !hot.contains(l.code())).toList();
        long start = System.nanoTime();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Random random = new Random(100 + thread);
                List<WriteRequest> batch = new ArrayList<>();
                int written = 0;
                for (int i = thread; i < total; i += threads) {
                    int s = random.nextInt(samples.size());
                    Map<String, AttributeValue> item = new HashMap<>(samples.get(s));
                    item.put("trackingNumber", AttributeValue.fromS(String.format(Locale.ROOT, "BM%012d", i)));
                    String text = PLACES.get(random.nextInt(PLACES.size())) + PROBLEMS.get(s)
                            + DETAILS.get(random.nextInt(DETAILS.size())) + DETAILS.get(random.nextInt(DETAILS.size()));
                    item.put("text", AttributeValue.fromS(text));
                    if (random.nextDouble() >= 0.6) {
                        Leaf leaf = others.get(random.nextInt(others.size()));
                        item.put("categoryCode", AttributeValue.fromS(leaf.code()));
                        item.put("category", AttributeValue.fromS(leaf.name()));
                    }
                    Instant created = Instant.now().minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
                    item.put("createdAt", AttributeValue.fromS(created.toString()));
                    boolean closed = random.nextDouble() < 0.3;
                    String status = closed ? "CLOSED" : "RECEIVED";
                    item.put("status", AttributeValue.fromS(status));
                    item.put("departmentStatus", AttributeValue.fromS(item.get("department").s() + "#" + status));
                    if (closed) {
                        item.remove("openDeadline");
                    }
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    if (batch.size() == 25) {
                        written += write(dynamo, table, batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    written += write(dynamo, table, batch);
                }
                return written;
            }));
        }
        int written = 0;
        for (Future<Integer> f : done) {
            written += f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "preloaded %d tickets in %.1f s%n", written, (System.nanoTime() - start) / 1e9);
        return hot;
    }

    private static int write(DynamoDbClient dynamo, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
        return batch.size();
    }

    private static void print(String label, List<Long> micros) {
        System.out.printf(Locale.ROOT, "%s: %d calls, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", label, micros.size(),
                percentile(micros, 0.50) / 1000.0, percentile(micros, 0.90) / 1000.0, percentile(micros, 0.99) / 1000.0);
    }

    private static double percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return HttpLoadDriver.percentile(sorted, p);
    }
}
