package org.bianmin.hotline.model;

/** How fast a category must be handled; the deadlines themselves are computed in working time. */
public enum SlaClass {
    /** Danger to people or property now: respond within 2 hours, handle within 24 hours. */
    URGENT,
    /** Most requests: resolved within 5 working days. */
    NORMAL,
    /** Information and policy questions: answered within 1 working day. */
    CONSULT
}
