package org.bianmin.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.bianmin.local.dynalite.DynaliteServer;

/**
 * Cold start: a fresh JVM on the Lambda deployment jar through the Lambda handler path to the first answered
 * inquiry, timed from process start to the answer, beside a plain Java handler in the same kind of JVM. Runs
 * alternate so machine noise hits both alike. dynalite runs beforehand (not timed), as DynamoDB would. Each child
 * gets an empty temporary directory of its own, as each Lambda sandbox starts with an empty /tmp.
 *
 * <pre>java -cp functions/bench/target/benchmarks.jar org.bianmin.bench.ColdStartBenchmark [runs]</pre>
 *
 * System properties: {@code bianmin.lambda.jar.dir} (the directory holding the {@code *-aws.jar}, default
 * {@code functions/core/target}); {@code bianmin.bench.baseline.jar.dir} (other builds' directories, separated by
 * commas, whose rows run in the same loop, alternating); {@code bianmin.bench.unpacked=true} (also start each build
 * from its package unpacked into a folder, as Lambda runs it from /var/task); {@code bianmin.bench.jvm-options}
 * (extra options for every child JVM); {@code bianmin.bench.show-output=true} (print each child's log).
 */
public final class ColdStartBenchmark {

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path lambdaJar = lambdaJar(System.getProperty("bianmin.lambda.jar.dir", "functions/core/target"));
        // Other builds' deployment jars, started in the same loop (side by side under the same machine noise).
        String baselineDirs = System.getProperty("bianmin.bench.baseline.jar.dir", "");
        Path probes = extractProbes();
        try (DynaliteServer dynamo = DynaliteServer.startInMemory();
             var tables = BenchStore.client(dynamo, "bench-")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // The Lambda Java runtime starts the JVM with tiered compilation stopped at C1 for faster starts.
            List<String> jvm = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto"));
            // Extra options for every child JVM, to look inside a start (e.g. -XX:StartFlightRecording=...).
            String extra = System.getProperty("bianmin.bench.jvm-options", "").strip();
            if (!extra.isEmpty()) {
                jvm.addAll(List.of(extra.split("\\s+")));
            }
            String[] springProperties = {"-Dspring.cloud.function.definition=inquiryApi",
                    "-DMAIN_CLASS=org.bianmin.BianminApplication", "-Dbianmin.dynamodb.endpoint=" + dynamo.endpoint(),
                    "-Dbianmin.dynamodb.access-key-id=" + dynamo.accessKeyId(),
                    "-Dbianmin.dynamodb.secret-access-key=" + dynamo.secretAccessKey(),
                    "-Dbianmin.dynamodb.table-prefix=bench-", "-Dbianmin.dynamodb.region=us-east-1"};
            List<Build> builds = new ArrayList<>();
            builds.add(new Build("", lambdaJar, probes, jvm, springProperties));
            for (String dir : baselineDirs.split(",")) {
                if (!dir.isBlank()) {
                    builds.add(new Build("baseline " + dir.strip() + ": ", lambdaJar(dir.strip()), probes, jvm,
                            springProperties));
                }
            }
            List<Long> plain = new ArrayList<>();
            String plainClasspath = builds.get(0).classpath;
            for (int i = 0; i < runs; i++) {
                for (Build build : builds) {
                    build.runOnce();
                }
                plain.add(time(command(jvm, plainClasspath, "org.bianmin.bench.PlainJavaHandlerProbe")));
            }
            for (Build build : builds) {
                build.report();
            }
            report("floor: plain Java handler, same JVM flags and jar", plain);
        }
    }

    /** One deployment jar's three rows. */
    private static final class Build {
        final String label;
        final String classpath;
        final String[] springProperties;
        final List<String> jvm;
        final List<String> withArchive;
        final List<String> withoutModel;
        final List<Long> spring = new ArrayList<>();
        final List<Long> springCds = new ArrayList<>();
        final List<Long> springWithoutModel = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();
        final List<Long> cpuCds = new ArrayList<>();
        final List<Long> springExtracted = new ArrayList<>();
        final List<Long> cpuExtracted = new ArrayList<>();
        /** The deployment package unpacked into a folder, as Lambda runs it from /var/task. */
        final String extractedClasspath;

        Build(String label, Path jar, Path probes, List<String> jvm, String[] springProperties) throws Exception {
            this.label = label;
            this.classpath = jar + ":" + probes;
            this.extractedClasspath = Boolean.getBoolean("bianmin.bench.unpacked") ? extract(jar) + ":" + probes : null;
            this.jvm = jvm;
            this.springProperties = springProperties;
            // A class-data-sharing archive of the application's classes, made by one training run (what a
            // deployment can ship with JAVA_TOOL_OPTIONS=-XX:SharedArchiveFile=...; SnapStart goes further).
            Path archive = Files.createTempDirectory("bianmin-cds").resolve("bianmin.jsa");
            List<String> training = new ArrayList<>(jvm);
            training.add("-XX:ArchiveClassesAtExit=" + archive);
            time(command(training, classpath, "org.bianmin.bench.ColdStartProbe", springProperties));
            withArchive = new ArrayList<>(jvm);
            withArchive.add("-XX:SharedArchiveFile=" + archive);
            // The same start without the sentence model (ranking by words only): what loading the model beside
            // Spring's start-up costs.
            withoutModel = new ArrayList<>(jvm);
            withoutModel.add("-Dbianmin.knowledge.embeddings=false");
        }

        void runOnce() throws Exception {
            spring.add(time(command(jvm, classpath, "org.bianmin.bench.ColdStartProbe", springProperties)));
            cpu.add(lastCpuMillis);
            springWithoutModel.add(time(command(withoutModel, classpath, "org.bianmin.bench.ColdStartProbe",
                    springProperties)));
            springCds.add(time(command(withArchive, classpath, "org.bianmin.bench.ColdStartProbe", springProperties)));
            cpuCds.add(lastCpuMillis);
            if (extractedClasspath != null) {
                springExtracted.add(time(command(jvm, extractedClasspath, "org.bianmin.bench.ColdStartProbe",
                        springProperties)));
                cpuExtracted.add(lastCpuMillis);
            }
        }

        void report() {
            ColdStartBenchmark.report(label + "Lambda handler (Spring Cloud Function, inquiryApi) -> first answered inquiry",
                    spring);
            ColdStartBenchmark.report(label + "same, with an application class-data-sharing archive", springCds);
            ColdStartBenchmark.report(label + "same as the first, ranking by words only (no sentence model)",
                    springWithoutModel);
            ColdStartBenchmark.report(label + "CPU time (all threads) to the answer, Lambda handler", cpu);
            ColdStartBenchmark.report(label + "CPU time (all threads) to the answer, with the archive", cpuCds);
            if (springExtracted.isEmpty()) {
                return;
            }
            ColdStartBenchmark.report(label + "Lambda handler, package unpacked into a folder (as Lambda's /var/task)",
                    springExtracted);
            ColdStartBenchmark.report(label + "CPU time (all threads) to the answer, package unpacked", cpuExtracted);
        }

        /** Unpacks the deployment jar (not timed: Lambda unpacks a package before the function's init phase). */
        private static Path extract(Path jar) throws IOException {
            Path folder = Files.createTempDirectory("bianmin-task");
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                    var entry = entries.nextElement();
                    Path target = folder.resolve(entry.getName()).normalize();
                    if (!target.startsWith(folder)) {
                        continue;
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target);
                        }
                    }
                }
            }
            return folder;
        }
    }

    private static List<String> command(List<String> jvm, String classpath, String main, String... properties) {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of(properties));
        command.addAll(List.of("-cp", classpath, main));
        return command;
    }

    /** CPU milliseconds (all threads) of the last timed child up to its answer. */
    private static long lastCpuMillis = -1;

    /** Milliseconds from starting the process to its ANSWERED line. */
    private static long time(List<String> jvmCommand) throws IOException, InterruptedException {
        // Every Lambda sandbox starts with an empty /tmp: so does every child here, or the native libraries a
        // library unpacks there once (DJL's tokenizer, 14 MB) would be found at the second start and never paid for
        Path tmp = Files.createTempDirectory("bianmin-cold-tmp");
        List<String> command = new ArrayList<>(jvmCommand);
        command.add(1, "-Djava.io.tmpdir=" + tmp);
        try {
            return timeOnce(command);
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long timeOnce(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BIANMIN_TABLE_PREFIX", "bench-");
        long start = System.nanoTime();
        Process process = builder.start();
        long answered = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("ANSWERED") && answered < 0) {
                    answered = System.nanoTime();
                    // CPU the child used up to its answer: on a shared 2-core machine the wall time also holds the
                    // time the child waited for a core, this does not
                    lastCpuMillis = process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
                    if (!line.contains("200")) {
                        throw new IllegalStateException("the probe did not answer 200: " + line);
                    }
                }
            }
        }
        process.waitFor();
        if (Boolean.getBoolean("bianmin.bench.show-output")) {
            // where the start's time goes: the child's own log lines carry their timestamps
            System.out.print(output);
        }
        if (answered < 0) {
            throw new IllegalStateException("probe failed:\n" + output);
        }
        return (answered - start) / 1_000_000;
    }

    private static void report(String label, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %d ms, min %d ms, max %d ms (runs %s)%n", label,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), millis);
    }

    private static Path lambdaJar(String directory) throws IOException {
        Path target = Path.of(directory);
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-aws.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-aws.jar in " + target + "; run mvn package first"));
        }
    }

    /**
     * The probe classes alone, in a small jar (class-data sharing archives jars, not folders), so the child's
     * classpath is the Lambda jar plus two small classes.
     */
    private static Path extractProbes() throws IOException {
        Path jar = Files.createTempDirectory("bianmin-probes").resolve("probes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("ColdStartProbe", "PlainJavaHandlerProbe")) {
                String resource = "org/bianmin/bench/" + name + ".class";
                out.putNextEntry(new JarEntry(resource));
                try (InputStream in = ColdStartBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
