package org.bianmin.inquiry.model;

/** What the caller should do with a reply. */
public enum InquiryAction {
    /** Someone may be in danger: show the number to call first, the first steps and the urgent request offer. */
    EMERGENCY,
    /** One entry clearly matches: show its answer. */
    ANSWER,
    /** Several entries are close: ask which one was meant (suggestion chips). */
    CLARIFY,
    /** Nothing matches, or someone must act: offer to file a hotline request with the text prefilled. */
    HANDOFF,
    /** A greeting with no question: greet back and say what can be asked. */
    GREETING,
    /** Chatter, thanks, jokes, shopping, weather or nonsense: a short polite reply, no entry, no request offer. */
    OUT_OF_SCOPE
}
