package org.bianmin.hotline.application;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bianmin.hotline.model.Incident;

/** Where incidents live (DynamoDB, one item each, listing their members). */
public interface IncidentStore {

    /** Stores a new incident; false when the id is taken (the caller draws another). */
    boolean create(Incident incident);

    Optional<Incident> find(String id);

    /** Replaces the incident if its stored version is still {@code expectedVersion}; false if someone got in first. */
    boolean update(Incident incident, long expectedVersion);

    /**
     * Reads, applies {@code change} and writes under optimistic locking, re-reading and re-applying when another
     * writer got in first (the change may throw to refuse).
     *
     * @return the incident after the change, or empty when there is no such incident
     * @throws ConcurrentTicketUpdateException when it kept changing for {@value TicketStore#MODIFY_ATTEMPTS} attempts
     */
    default Optional<Incident> modify(String id, UnaryOperator<Incident> change) {
        for (int attempt = 0; attempt < TicketStore.MODIFY_ATTEMPTS; attempt++) {
            Optional<Incident> found = find(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Incident after = change.apply(found.get());
            if (update(after, found.get().version())) {
                return Optional.of(after);
            }
        }
        throw new ConcurrentTicketUpdateException(id);
    }
}
