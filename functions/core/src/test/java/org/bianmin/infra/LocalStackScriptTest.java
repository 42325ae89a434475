package org.bianmin.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.store.TableDefinition;
import org.bianmin.store.Tables;
import org.junit.jupiter.api.Test;

/** The LocalStack init hook creates every table of {@link Tables} with the same keys, indexes and TTL. */
class LocalStackScriptTest {

    @Test
    void theInitHookMatchesTheTableDefinitions() throws Exception {
        String script = Files.readString(Path.of("../../infra/localstack/init/ready.d/10-bianmin-resources.sh"));
        for (TableDefinition table : Tables.ALL) {
            String create = script.substring(script.indexOf("--table-name ${P}" + table.logicalName() + " "));
            create = create.substring(0, create.indexOf("awslocal", 1) < 0 ? create.length() : create.indexOf("awslocal", 1));
            assertThat(create).as(table.logicalName()).contains("--key-schema AttributeName=" + table.partitionKey() + ",KeyType=HASH");
            for (TableDefinition.SecondaryIndex index : table.indexes()) {
                String sortKey = index.sortKey() == null ? "" : ",{AttributeName=" + index.sortKey() + ",KeyType=RANGE}";
                assertThat(create).as(table.logicalName() + " " + index.name()).contains("IndexName=" + index.name()
                        + ",KeySchema=[{AttributeName=" + index.partitionKey() + ",KeyType=HASH}" + sortKey + "]");
            }
            if (table.ttlAttribute() != null) {
                assertThat(script).as(table.logicalName() + " TTL").contains("update-time-to-live --table-name ${P}"
                        + table.logicalName() + " \\\n  --time-to-live-specification Enabled=true,AttributeName=" + table.ttlAttribute());
            }
        }
    }
}
