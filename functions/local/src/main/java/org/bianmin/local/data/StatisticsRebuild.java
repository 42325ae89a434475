package org.bianmin.local.data;

import java.nio.file.Path;
import org.bianmin.hotline.infrastructure.RebuildingStatistics;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code rebuild-statistics [--data-dir DIR]}: recounts the statistics aggregates of a data directory from its
 * tickets ({@link RebuildingStatistics}). The runtime must be stopped (it holds the directory), which is also what
 * makes the count exact.
 */
public final class StatisticsRebuild {

    private StatisticsRebuild() {
    }

    /** Rebuilds; returns the exit code (0, or 1 with a one-line reason). */
    public static int run(Path dataDirectory) {
        try (DynaliteServer store = DynaliteServer.startDurable(dataDirectory);
             DynamoDbClient dynamo = LocalStore.client(store)) {
            // a data directory from before the statistics has no such table yet
            new TableProvisioner(dynamo, LocalStore.tablePrefix()).createMissing(Tables.ALL);
            RebuildingStatistics.Result result = new RebuildingStatistics(dynamo, LocalStore.tablePrefix()).rebuild();
            System.out.println("Rebuilt the statistics of " + dataDirectory + ": " + result.ticketsCounted()
                    + " tickets counted, " + result.aggregatesDeleted() + " earlier aggregate items replaced");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("rebuild-statistics failed: " + e.getMessage());
            return 1;
        }
    }
}
