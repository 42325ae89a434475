package org.bianmin.approval.sources;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bianmin.approval.model.ResidentId;

/**
 * A government data source (population register, social insurance, real estate ...) answering for one person.
 * An empty record means the source holds nothing for that person: missing evidence, never a pass.
 */
public interface DataSource {

    String name();

    CompletableFuture<Optional<Map<String, Object>>> fetch(ResidentId person);
}
