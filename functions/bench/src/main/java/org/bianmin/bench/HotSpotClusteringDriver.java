package org.bianmin.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.hotline.hotspots.AssigningHotSpot;
import org.bianmin.hotline.hotspots.ListingHotSpots;
import org.bianmin.hotline.infrastructure.DynamoHotSpotStore;
import org.bianmin.hotline.model.ProtectedPhone;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Incremental hot-spot clustering at scale: assigns N synthetic tickets (default 100,000) to clusters through the
 * real {@link AssigningHotSpot} on dynalite, one year of tickets in time order, and reports the time per ticket
 * (fingerprint with the project analyzer, key lookups, candidate scoring, writes) as p50/p99/max overall and per
 * tenth of the run (flat tenths show that the cost does not grow with the tickets already clustered), the total,
 * the number of clusters, and the time of one hot-spot listing over the last 30 days at the end.
 *
 * <p>Tickets: {@value #PLACES} places (a compound, estate or road name of two or three characters from a pool
 * and a kind), of which 2% draw half of the tickets (the hot places), crossed with {@value #PROBLEMS} problems in
 * three wordings each; a ticket names its place and problem in its first sentence and adds a common closing, as
 * citizens write.
 */
public final class HotSpotClusteringDriver {

    static final int PLACES = 20_000;
    static final int PROBLEMS = 30;

    private static final String NAME_CHARS = "安宝碧长春朝晨翠大德东芳丰福富广桂国海和红华欢佳嘉建锦金景静康兰丽莲林龙绿梅美明南宁鹏平青清庆荣瑞森山盛书顺松泰桃天田万文西祥新星兴秀旭雅阳怡银永玉园悦云泽振中竹紫";
    private static final String[] KINDS = {"小区", "花园", "家园", "苑", "村", "路", "大厦", "公寓"};
    private static final String[][] PROBLEM_WORDINGS = {
            {"路灯不亮", "路灯坏了好几天", "晚上路灯一直不亮"}, {"噪音扰民", "夜里噪音很大", "施工噪音吵得睡不着"},
            {"油烟扰民", "餐馆油烟直排", "楼下饭店油烟太大"}, {"搅拌站粉尘污染", "搅拌站灰尘很大", "附近搅拌站污染严重"},
            {"电梯经常故障", "电梯坏了没人修", "电梯频繁停运"}, {"垃圾没人清运", "垃圾堆积发臭", "垃圾站满了没人管"},
            {"停水好几天", "自来水停了", "经常停水"}, {"下水道堵塞", "污水外溢", "下水道反水"},
            {"违章搭建", "楼顶违建", "私自搭建棚子"}, {"占道经营", "小摊贩占道", "门店占用人行道"},
            {"井盖丢失", "井盖破损很危险", "井盖没了"}, {"道路坑洼", "路面破损", "马路坑坑洼洼"},
            {"广场舞扰民", "广场舞音响太吵", "跳舞音乐声音大"}, {"违规停车", "乱停车堵路", "车辆乱停乱放"},
            {"物业乱收费", "物业费上涨", "物业收费不合理"}, {"房屋漏水", "楼顶漏雨", "墙面渗水"},
            {"拖欠工资", "工资被拖欠", "老板不发工资"}, {"公交车太少", "公交班次太少", "等公交太久"},
            {"校车安全隐患", "学校门口交通拥堵", "学校周边乱停车"}, {"宠物狗扰民", "狗叫声扰民", "养狗不拴绳"},
            {"消防通道堵塞", "消防通道被占", "消防设施损坏"}, {"绿化带被毁", "树木被砍", "绿地被占"},
            {"麻将馆扰民", "麻将馆通宵营业", "棋牌室吵闹"}, {"烧烤摊油烟", "夜宵摊占道", "烧烤摊烟雾"},
            {"水压不足", "高层水压低", "楼上没水"}, {"供暖不热", "暖气不热", "供暖温度低"},
            {"信号差", "手机信号很差", "网络信号弱"}, {"蚊虫滋生", "污水塘发臭", "死水沟蚊子多"},
            {"不动产证办不下来", "房产证迟迟不办", "两证合一办不了"}, {"幼儿园不开园", "配套幼儿园没开", "幼儿园迟迟不开办"}};
    private static final String[] CLOSINGS = {"严重影响居民生活，请有关部门尽快处理。", "希望相关部门管一管。",
            "反映多次没有解决，恳请领导重视。", "给周边群众带来很大不便。"};

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ChineseAnalyzer analyzer = ChineseAnalyzer.withDefaultResources();
        Random random = new Random(15);
        String[] places = new String[PLACES];
        for (int i = 0; i < PLACES; i++) {
            StringBuilder name = new StringBuilder();
            int length = 2 + random.nextInt(2);
            for (int c = 0; c < length; c++) {
                name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
            }
            places[i] = name + KINDS[random.nextInt(KINDS.length)];
        }
        Instant start = Instant.parse("2025-12-01T00:00:00Z");
        Duration step = Duration.ofDays(365).dividedBy(tickets);
        Ticket[] all = new Ticket[tickets];
        for (int i = 0; i < tickets; i++) {
            // half of the tickets go to the 2% hot places, the rest spread over all places
            int place = random.nextBoolean() ? random.nextInt(PLACES / 50) : random.nextInt(PLACES);
            int problem = (place * 7 + random.nextInt(3)) % PROBLEMS;
            String wording = PROBLEM_WORDINGS[problem][random.nextInt(3)];
            String text = "A" + (1 + place % 9) + "区" + places[place] + wording + "，" + CLOSINGS[random.nextInt(CLOSINGS.length)];
            Instant at = start.plus(step.multipliedBy(i));
            all[i] = new Ticket(String.format("BM%08d", i), "-", TicketStatus.RECEIVED, 1, "phone", text,
                    new ProtectedPhone("caller-" + random.nextInt(tickets), "138****0000", "-"), null, null, "C" + problem,
                    "-", "部门" + (problem % 12), null, SlaClass.values()[0], false, at, at, null, null, List.of());
        }
        try (DynaliteServer server = BenchStore.start();
             DynamoDbClient dynamo = BenchStore.client(server, "hotspots-")) {
            AssigningHotSpot assigning = new AssigningHotSpot(new DynamoHotSpotStore(dynamo, "hotspots-", true), analyzer);
            for (int i = 0; i < 200; i++) {
                analyzer.tokens(all[i].text()); // warm the analyzer, not the store
            }
            long[] nanos = new long[tickets];
            Set<String> clusters = ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger();
            long began = System.nanoTime();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < tickets; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        clusters.add(assigning.assign(all[i]).clusterId());
                        nanos[i] = System.nanoTime() - t0;
                        if ((i + 1) % 10_000 == 0) {
                            System.out.printf(Locale.ROOT, "  %,d tickets, %.0f s%n", i + 1, (System.nanoTime() - began) / 1e9);
                        }
                    }
                });
                workers[t].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double totalSeconds = (System.nanoTime() - began) / 1e9;
            System.out.printf(Locale.ROOT, "hot-spot clustering, %s, %,d tickets, %d threads, %,d clusters%n",
                    BenchStore.label(), tickets, threads, clusters.size());
            System.out.printf(Locale.ROOT, "  per ticket: %s; total %.1f s (%.0f tickets/s)%n",
                    summary(nanos, 0, tickets), totalSeconds, tickets / totalSeconds);
            for (int tenth = 0; tenth < 10; tenth++) {
                int from = tickets / 10 * tenth;
                int to = tenth == 9 ? tickets : tickets / 10 * (tenth + 1);
                System.out.printf(Locale.ROOT, "  tickets %,7d-%,7d: %s%n", from + 1, to, summary(nanos, from, to));
            }
            Instant end = all[tickets - 1].createdAt();
            ListingHotSpots listing = new ListingHotSpots(new DynamoHotSpotStore(dynamo, "hotspots-", false));
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                int found = listing.hottest(end.minus(Duration.ofDays(30)), end, 20, d -> true).size();
                System.out.printf(Locale.ROOT, "  listing the 20 hottest of the last 30 days: %.1f ms (%d hot spots)%n",
                        (System.nanoTime() - t0) / 1e6, found);
            }
        }
    }

    private static String summary(long[] nanos, int from, int to) {
        long[] slice = Arrays.copyOfRange(nanos, from, to);
        Arrays.sort(slice);
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.1f ms", slice[slice.length / 2] / 1e6,
                slice[Math.min(slice.length - 1, (int) Math.ceil(slice.length * 0.99) - 1)] / 1e6, slice[slice.length - 1] / 1e6);
    }

    private HotSpotClusteringDriver() {
    }

}
