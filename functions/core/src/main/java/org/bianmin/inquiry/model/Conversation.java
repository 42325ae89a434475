package org.bianmin.inquiry.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is remembered of a session: the last topic (so "要带什么材料" is answered about it) and a short trail of
 * turns. No question text is stored: it may hold names or phone numbers, and the topic is enough.
 */
public record Conversation(String sessionId, Channel channel, String lastEntryId, List<Turn> turns,
                           Instant updatedAt, Instant expiresAt) {

    public static final int MAX_TURNS = 20;

    public Conversation {
        turns = List.copyOf(turns);
    }

    public record Turn(Instant at, InquiryAction action, String entryId) {
    }

    public static Conversation start(String sessionId, Channel channel) {
        return new Conversation(sessionId, channel, null, List.of(), null, null);
    }

    /** This conversation after one more turn; the topic changes only when the turn settled on an entry. */
    public Conversation after(Turn turn, Instant expiresAt) {
        List<Turn> next = new ArrayList<>(turns);
        next.add(turn);
        if (next.size() > MAX_TURNS) {
            next = next.subList(next.size() - MAX_TURNS, next.size());
        }
        String topic = turn.entryId() != null && turn.action() != InquiryAction.CLARIFY ? turn.entryId() : lastEntryId;
        return new Conversation(sessionId, channel, topic, next, turn.at(), expiresAt);
    }
}
