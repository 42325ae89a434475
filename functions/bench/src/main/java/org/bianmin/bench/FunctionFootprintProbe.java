package org.bianmin.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.bianmin.BianminApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One function's memory after its cold start, in a JVM of its own (run by {@link FunctionFootprintDriver}): the
 * Spring context as a Lambda builds it (lazy beans, the function's definition), the function bean obtained, the
 * knowledge preload awaited where it runs, then a full GC. Prints one line: definition, heap used, non-heap used,
 * resident set size, all in MB.
 *
 * <pre>java -cp benchmarks.jar org.bianmin.bench.FunctionFootprintProbe definition endpoint accessKey</pre>
 */
public final class FunctionFootprintProbe {

    private FunctionFootprintProbe() {
    }

    public static void main(String[] args) throws Exception {
        String definition = args[0];
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        System.setProperty("spring.cloud.function.definition", definition);
        System.setProperty("spring.main.lazy-initialization", "true");
        System.setProperty("bianmin.dynamodb.endpoint", args[1]);
        System.setProperty("bianmin.dynamodb.access-key-id", args[2]);
        System.setProperty("bianmin.dynamodb.secret-access-key", "unused");
        System.setProperty("bianmin.dynamodb.region", "us-east-1");
        System.setProperty("bianmin.dynamodb.table-prefix", "footprint-");
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("bianmin.hotline.phone-hash-key", key);
        System.setProperty("bianmin.hotline.phone-encryption-key", key);
        System.setProperty("bianmin.hotline.dispatch-queue-url", "https://sqs.us-east-1.amazonaws.com/123456789012/dispatch");
        System.setProperty("bianmin.approval.reverification-queue-url", "https://sqs.us-east-1.amazonaws.com/123456789012/reverify");
        System.setProperty("bianmin.approval.source-base-url", "https://gateway.example.invalid/share/");
        try (ConfigurableApplicationContext context = new SpringApplication(BianminApplication.class).run()) {
            context.getBean(definition);
            if (context.getBeanFactory().containsSingleton("chineseAnalyzer")
                    || context.getBeanFactory().containsSingleton("knowledgeBase")) {
                context.getBean("knowledgeSearch"); // the index, as the first inquiry or intake builds it
            }
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            var memory = ManagementFactory.getMemoryMXBean();
            System.out.printf("FOOTPRINT %s heap=%d nonheap=%d rss=%d%n", definition,
                    memory.getHeapMemoryUsage().getUsed() >> 20, memory.getNonHeapMemoryUsage().getUsed() >> 20, rssMb());
        }
    }

    private static long rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }
}
