package org.bianmin.inquiry.application;

import java.util.Optional;
import org.bianmin.inquiry.model.Conversation;

/** Remembers conversations between stateless invocations (DynamoDB with a TTL). */
public interface ConversationStore {

    Optional<Conversation> find(String sessionId);

    void save(Conversation conversation);

    /** Whether the store answers, for {@code GET /health}; never throws. */
    boolean isAvailable();
}
