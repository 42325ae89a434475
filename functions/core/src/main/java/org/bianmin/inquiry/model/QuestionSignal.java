package org.bianmin.inquiry.model;

import java.time.Instant;

/**
 * What one citizen's question tells the knowledge editors: the answer helped, did not help, or there was no answer
 * at all (HANDOFF NO_MATCH). {@code question} has personal numbers masked; {@code entryId} and {@code entryTitle}
 * name the entry that answered (null for NO_MATCH). {@code key} identifies the signal within its day, so that a
 * repeated vote replaces the earlier one instead of counting twice.
 */
public record QuestionSignal(String key, Kind kind, String question, String entryId, String entryTitle, Instant at) {

    public enum Kind {
        /** 有用 */
        HELPFUL,
        /** 没用: the entry that answered did not help. */
        NOT_HELPFUL,
        /** No entry matched: the chatbot offered a request instead of an answer. */
        NO_MATCH;

        /** Whether it points to a gap in the knowledge base. */
        public boolean isGap() {
            return this != HELPFUL;
        }
    }
}
