package org.bianmin.inquiry.model;

/** What the caller should do with a reply. */
public enum InquiryAction {
    /** One entry clearly matches: show its answer. */
    ANSWER,
    /** Several entries are close: ask which one was meant (suggestion chips). */
    CLARIFY,
    /** Nothing matches, or someone must act: offer to file a hotline request with the text prefilled. */
    HANDOFF
}
