package org.bianmin.inquiry.model;

import java.util.List;

/**
 * The reply to an inquiry. {@code answer} is always text taken from entries, from the inquiry's data files
 * (emergency scripts, small-talk replies) or a fixed sentence for CLARIFY and HANDOFF; nothing is generated.
 * {@code emergency} is set only on EMERGENCY. {@code sections}: an answer taken whole from one entry, part by part
 * (summary, materials, steps, place...), so a page can lay it out and fold the long parts; empty otherwise, when
 * {@code answer} is all there is.
 */
public record InquiryReply(
        InquiryAction action,
        String answer,
        EntryReference entry,
        double confidence,
        List<Suggestion> suggestions,
        String sessionId,
        boolean offerRequest,
        Handoff handoff,
        Emergency emergency,
        List<Section> sections) {

    public InquiryReply {
        suggestions = List.copyOf(suggestions);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** A reply without sections. */
    public InquiryReply(InquiryAction action, String answer, EntryReference entry, double confidence,
                        List<Suggestion> suggestions, String sessionId, boolean offerRequest, Handoff handoff,
                        Emergency emergency) {
        this(action, answer, entry, confidence, suggestions, sessionId, offerRequest, handoff, emergency, List.of());
    }

    /** A reply with no emergency: every action except EMERGENCY. */
    public InquiryReply(InquiryAction action, String answer, EntryReference entry, double confidence,
                        List<Suggestion> suggestions, String sessionId, boolean offerRequest, Handoff handoff) {
        this(action, answer, entry, confidence, suggestions, sessionId, offerRequest, handoff, null);
    }

    /**
     * One part of an entry's answer: {@code kind} is the section's stable name (SUMMARY, MATERIALS, STEPS, WHERE,
     * ONLINE, TIME_LIMIT, FEES, HOURS, PHONE), {@code heading} what a citizen reads, {@code items} the numbered
     * list of a list section (steps, materials) and {@code text} the text of the others.
     */
    public record Section(String kind, String heading, String text, List<String> items) {

        public Section {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The entry an answer came from. */
    public record EntryReference(String id, String title, String category, String department, String domain) {
    }

    /** A candidate entry to choose from on CLARIFY (also the "related" list on ANSWER). */
    public record Suggestion(String id, String title) {
    }

    /**
     * What a hotline request would be filed with if the citizen accepts the offer; {@code urgent} asks for the
     * URGENT handling of an emergency.
     */
    public record Handoff(HandoffReason reason, String prefillText, String domain, String department,
                          boolean urgent) {

        public Handoff(HandoffReason reason, String prefillText, String domain, String department) {
            this(reason, prefillText, domain, department, false);
        }
    }

    public enum HandoffReason {
        /** Someone may be in danger: after calling the emergency number, an URGENT request for follow-up. */
        EMERGENCY,
        /** The text reports a problem someone must go and fix. */
        PROBLEM_REPORT,
        /** No entry matches well enough to answer. */
        NO_MATCH
    }
}
