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
