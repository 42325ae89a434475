package org.bianmin.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.local.dynalite.DynaliteServer;

/**
 * The memory each Lambda function needs: every function definition of template.yaml cold-started in its own JVM
 * ({@link FunctionFootprintProbe}) with Lambda's JVM flags and a 1 GB heap limit, against an in-memory dynalite.
 * The numbers size {@code MemorySize} per function in template.yaml (docs/benchmarks.md).
 *
 * <pre>java -cp functions/bench/target/benchmarks.jar org.bianmin.bench.FunctionFootprintDriver</pre>
 */
public final class FunctionFootprintDriver {

    static final List<String> DEFINITIONS = List.of("inquiryApi", "knowledgeReindex", "hotlineApi", "open311",
            "phoneKeyRotation", "staffApi", "slaEscalation", "dispatchNotifications", "approvalApi",
            "reverificationWorker", "deviceApi", "deviceHeartbeats", "deviceEvents");

    private FunctionFootprintDriver() {
    }

    public static void main(String[] args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        try (DynaliteServer store = DynaliteServer.startInMemory(); var tables = BenchStore.client(store, "footprint-")) {
            System.out.println("| function | heap used (MB) | non-heap (MB) | RSS (MB) |");
            System.out.println("| --- | --- | --- | --- |");
            for (String definition : DEFINITIONS) {
                List<String> command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                        "-Xmx1g", "-cp", classpath, FunctionFootprintProbe.class.getName(), definition, store.endpoint(),
                        store.accessKeyId()));
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String result = null;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("FOOTPRINT ")) {
                            result = line;
                        }
                    }
                }
                process.waitFor();
                if (result == null) {
                    System.out.println("| " + definition + " | failed (exit " + process.exitValue() + ") | | |");
                    continue;
                }
                String[] parts = result.split(" ");
                System.out.println("| " + definition + " | " + parts[2].substring(5) + " | " + parts[3].substring(8) + " | "
                        + parts[4].substring(4) + " |");
            }
        }
    }
}
