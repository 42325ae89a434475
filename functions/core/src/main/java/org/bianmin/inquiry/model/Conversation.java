package org.bianmin.inquiry.model;

import java.time.Instant;

/**
 * What is remembered of a session: its last topic (so "要带什么材料" is answered about it), the last action and
 * how many questions it has had. No question text is stored: it may hold names or phone numbers, and the topic
 * is enough.
 */
public record Conversation(String sessionId, Channel channel, String lastEntryId, InquiryAction lastAction,
                           int turns, Instant updatedAt, Instant expiresAt) {

    /** One answered question, as recorded on its conversation. */
    public record Turn(String sessionId, Channel channel, InquiryAction action, String entryId, Instant at,
                       Instant expiresAt) {

        /** A turn moves the topic when it settled on an entry; a CLARIFY has not settled yet. */
        public boolean settlesTopic() {
            return entryId != null && action != InquiryAction.CLARIFY;
        }
    }
}
