package org.bianmin.inquiry.model;

import java.util.List;

/**
 * The reply to an inquiry. {@code answer} is always text taken from entries (or a fixed sentence for CLARIFY
 * and HANDOFF); nothing is generated.
 */
public record InquiryReply(
        InquiryAction action,
        String answer,
        EntryReference entry,
        double confidence,
        List<Suggestion> suggestions,
        String sessionId,
        boolean offerRequest,
        Handoff handoff) {

    public InquiryReply {
        suggestions = List.copyOf(suggestions);
    }

    /** The entry an answer came from. */
    public record EntryReference(String id, String title, String category, String department, String domain) {
    }

    /** A candidate entry to choose from on CLARIFY (also the "related" list on ANSWER). */
    public record Suggestion(String id, String title) {
    }

    /** What a hotline request would be filed with if the citizen accepts the offer. */
    public record Handoff(HandoffReason reason, String prefillText, String domain, String department) {
    }

    public enum HandoffReason {
        /** The text reports a problem someone must go and fix. */
        PROBLEM_REPORT,
        /** No entry matches well enough to answer. */
        NO_MATCH
    }
}
