package org.bianmin.inquiry.model;

import java.time.Instant;
import java.util.List;

/**
 * What is remembered of a session: its last topic (so "要带什么材料" is answered about it), the last action and
 * how many questions it has had. No question text is stored: it may hold names or phone numbers, and the topic
 * is enough.
 */
public record Conversation(String sessionId, Channel channel, String lastEntryId, InquiryAction lastAction,
                           int turns, Instant updatedAt, Instant expiresAt, List<String> clarifyOptions) {

    public Conversation {
        clarifyOptions = clarifyOptions == null ? List.of() : List.copyOf(clarifyOptions);
    }

    /** A conversation whose last turn was not a CLARIFY. */
    public Conversation(String sessionId, Channel channel, String lastEntryId, InquiryAction lastAction, int turns,
                        Instant updatedAt, Instant expiresAt) {
        this(sessionId, channel, lastEntryId, lastAction, turns, updatedAt, expiresAt, List.of());
    }

    /** Whether the last reply asked which entry was meant and still waits for the answer. */
    public boolean awaitsAChoice() {
        return lastAction == InquiryAction.CLARIFY && !clarifyOptions.isEmpty();
    }

    /**
     * One answered question, as recorded on its conversation; {@code clarifyOptions} are the entry ids a CLARIFY
     * offered, so that a follow-up ("要带什么材料") stays among them.
     */
    public record Turn(String sessionId, Channel channel, InquiryAction action, String entryId, Instant at,
                       Instant expiresAt, List<String> clarifyOptions) {

        public Turn {
            clarifyOptions = clarifyOptions == null ? List.of() : List.copyOf(clarifyOptions);
        }

        public Turn(String sessionId, Channel channel, InquiryAction action, String entryId, Instant at,
                    Instant expiresAt) {
            this(sessionId, channel, action, entryId, at, expiresAt, List.of());
        }

        /** A turn moves the topic when it settled on an entry; a CLARIFY has not settled yet. */
        public boolean settlesTopic() {
            return entryId != null && action != InquiryAction.CLARIFY;
        }
    }
}
