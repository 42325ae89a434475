package org.bianmin.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.knowledge.embedding.BgeSmallZhEmbedder;

/**
 * How the sentence model's 24 MB of weights reach the ONNX runtime, each way in a fresh JVM with the Lambda flags:
 * {@code array} (read into a Java array, as langchain4j's own model does), and {@link BgeSmallZhEmbedder#openSession}
 * from the jar ({@code direct}: read once into a direct buffer) and from a file ({@code file}: the runtime reads it,
 * as where the package is unpacked). Prints the wall and CPU time of opening the session
 * and the resident memory after it, per run, the ways alternating.
 *
 * <pre>java -cp functions/bench/target/benchmarks.jar org.bianmin.bench.SentenceModelSessionBenchmark [runs]</pre>
 */
public final class SentenceModelSessionBenchmark {

    private static final String WEIGHTS = "bge-small-zh-v1.5-q.onnx";

    private SentenceModelSessionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            openOnce(args[0], args[1]);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path file = Files.createTempFile("bianmin-weights", ".onnx");
        try (InputStream in = weights().openStream()) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        for (int run = 0; run < runs; run++) {
            for (String way : List.of("array", "direct", "file")) {
                List<String> command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                        "-cp", classpath, SentenceModelSessionBenchmark.class.getName(), way, file.toString()));
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    out.lines().filter(line -> line.startsWith("OPENED")).forEach(System.out::println);
                }
                process.waitFor();
            }
        }
        Files.deleteIfExists(file);
    }

    /** In the child: opens one session the given way and prints what it cost. */
    private static void openOnce(String way, String file) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = switch (way) {
                 case "array" -> {
                     byte[] bytes;
                     try (InputStream in = weights().openStream()) {
                         bytes = in.readAllBytes();
                     }
                     yield environment.createSession(bytes, options);
                 }
                 case "direct" -> BgeSmallZhEmbedder.openSession(environment, weights());
                 case "file" -> BgeSmallZhEmbedder.openSession(environment, Path.of(file).toUri().toURL());
                 default -> throw new IllegalArgumentException("array, direct or file, not " + way);
             }) {
            System.out.printf("OPENED %-6s wall %4d ms  cpu %4d ms  resident %d MB  (%d inputs)%n", way,
                    (System.nanoTime() - start) / 1_000_000, (os.getProcessCpuTime() - cpu) / 1_000_000,
                    residentMegabytes(), session.getNumInputs());
        }
    }

    private static URL weights() {
        return SentenceModelSessionBenchmark.class.getClassLoader().getResource(WEIGHTS);
    }

    private static long residentMegabytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
