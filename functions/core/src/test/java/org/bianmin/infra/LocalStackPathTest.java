package org.bianmin.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bianmin.store.TableDefinition;
import org.bianmin.store.Tables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The LocalStack path, end to end, when a Docker engine is present: LocalStack starts with the init hook and
 * every table exists with its keys. Without Docker (as on the project's CI) it is skipped and says why.
 */
class LocalStackPathTest {

    @Test
    void localStackStartsWithBianminsTables() throws Exception {
        assumeTrue(dockerAvailable(), "no Docker engine here: the LocalStack path (infra/localstack) is not exercised");
        Path hooks = Path.of("../../infra/localstack/init/ready.d").toAbsolutePath().normalize();
        run("docker", "run", "--rm", "-d", "--name", "bianmin-localstack-it", "-p", "4566:4566",
                "-v", hooks + ":/etc/localstack/init/ready.d", "localstack/localstack");
        try {
            DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create("http://localhost:4566"))
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
            for (int i = 0; i < 120 && !ready(dynamo); i++) {
                Thread.sleep(1000);
            }
            for (TableDefinition table : Tables.ALL) {
                assertThat(dynamo.describeTable(d -> d.tableName(table.tableName("bianmin-local-"))).table().keySchema().get(0)
                        .attributeName()).isEqualTo(table.partitionKey());
            }
        } finally {
            run("docker", "stop", "bianmin-localstack-it");
        }
    }

    private static boolean ready(DynamoDbClient dynamo) {
        try {
            return dynamo.listTables().tableNames().size() >= Tables.ALL.size();
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            Process process = new ProcessBuilder("docker", "info").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        process.waitFor(300, TimeUnit.SECONDS);
    }
}
