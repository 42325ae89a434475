package org.bianmin.inquiry.application;

import java.util.Optional;
import org.bianmin.inquiry.model.Conversation;

/** Remembers conversations between stateless invocations (DynamoDB with a TTL). */
public interface ConversationStore {

    /** The live conversation of a session; empty when unknown or expired. */
    Optional<Conversation> find(String sessionId);

    /**
     * Records one turn in a single write, creating the conversation if needed: the topic moves only when the
     * turn settles on an entry, and the expiry moves to the turn's.
     */
    void record(Conversation.Turn turn);

    /** Whether the store answers, for {@code GET /health}; never throws. */
    boolean isAvailable();
}
