package org.bianmin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import org.bianmin.testing.DynamoDbTestServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store the benchmarks run against: dynalite, durable on a fresh temp directory as the local runtime runs it. */
final class BenchStore {

    private BenchStore() {
    }

    /**
     * The store of {@code -Dbianmin.bench.store}: {@code durable} (default, as the local runtime runs it) or
     * {@code memory} (dynalite without LevelDB files: the difference is what the disk path costs).
     */
    static DynaliteServer start() {
        return inMemory() ? DynaliteServer.startInMemory() : startDurable();
    }

    static boolean inMemory() {
        return "memory".equals(System.getProperty("bianmin.bench.store", "durable"));
    }

    static String label() {
        return inMemory() ? "dynalite in memory" : "dynalite durable";
    }

    /** CPU time used so far by {@code pid} (the dynalite child), in milliseconds. */
    static long cpuMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(java.time.Duration::toMillis).orElse(-1L);
    }

    /** CPU time used so far by this JVM, in milliseconds. */
    static long ownCpuMillis() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1L;
    }

    /** Prints where the CPU went during a row: per request, in the store's process and in this JVM. */
    static void printCpu(String label, int requests, long storeCpuMillis, long jvmCpuMillis) {
        System.out.printf(java.util.Locale.ROOT, "  cpu during '%s': store %.3f ms/request, this JVM %.3f ms/request%n",
                label, storeCpuMillis / (double) requests, jvmCpuMillis / (double) requests);
    }

    static DynaliteServer startDurable() {
        try {
            return DynaliteServer.startDurable(Files.createTempDirectory("bianmin-bench-data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DynamoDbClient client(DynaliteServer server, String prefix) {
        DynamoDbClient client = DynamoDbTestServer.clientFor(server);
        new TableProvisioner(client, prefix).createMissing(Tables.ALL);
        return client;
    }

    /** A fresh temp data directory for a local runtime started as a separate process. */
    static String freshDataDirectory() {
        try {
            return Files.createTempDirectory("bianmin-bench-runtime-data").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
