package org.bianmin.approval.model;

/** What one eligibility check found. Anything but PASS or FAIL is missing evidence. */
public enum CheckOutcome {
    PASS, FAIL, UNAVAILABLE, TIMEOUT, AMBIGUOUS;

    public boolean isEvidence() {
        return this == PASS || this == FAIL;
    }
}
