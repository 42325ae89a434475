package org.bianmin.inquiry.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.bianmin.inquiry.model.QuestionSignal;
import org.bianmin.knowledge.KnowledgeSearch;
import org.bianmin.knowledge.model.KnowledgeEntry;

/**
 * Keeps what citizens tell about answers: a 有用 / 没用 vote on an answer, and each question no entry could answer
 * (HANDOFF NO_MATCH). One session's votes on one question are one signal (the last vote counts), so a citizen who
 * clicks twice, or changes their mind, is counted once; the same holds for a question asked again unanswered.
 */
public final class CollectingFeedback {

    private final KnowledgeSearch knowledge;
    private final FeedbackStore store;
    private final Clock clock;

    public CollectingFeedback(KnowledgeSearch knowledge, FeedbackStore store, Clock clock) {
        this.knowledge = knowledge;
        this.store = store;
        this.clock = clock;
    }

    /** A citizen's vote on an answer; {@code entryId} is the entry that answered, if any. */
    public record Vote(String sessionId, String question, boolean helpful, String entryId) {
    }

    /** The entry a vote names does not exist (the caller's mistake, nothing is stored). */
    public static final class UnknownEntryException extends RuntimeException {
        public UnknownEntryException(String entryId) {
            super("unknown entry " + entryId);
        }
    }

    public QuestionSignal vote(Vote vote) {
        KnowledgeEntry entry = null;
        if (vote.entryId() != null) {
            entry = knowledge.find(vote.entryId()).orElseThrow(() -> new UnknownEntryException(vote.entryId()));
        }
        QuestionSignal signal = new QuestionSignal("vote#" + digest(vote.sessionId(), vote.question()),
                vote.helpful() ? QuestionSignal.Kind.HELPFUL : QuestionSignal.Kind.NOT_HELPFUL,
                QuestionRedactor.redact(vote.question()), entry == null ? null : entry.id(),
                entry == null ? null : entry.title(), clock.instant());
        store.record(signal);
        return signal;
    }

    /** A question the knowledge base had no answer for. */
    public void noteUnanswered(String sessionId, String question) {
        store.record(new QuestionSignal("nomatch#" + digest(sessionId, question), QuestionSignal.Kind.NO_MATCH,
                QuestionRedactor.redact(question), null, null, clock.instant()));
    }

    /** A short, stable key of a session and a question; the session id itself is not stored. */
    private static String digest(String sessionId, String question) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((sessionId == null ? "" : sessionId).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(question.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
