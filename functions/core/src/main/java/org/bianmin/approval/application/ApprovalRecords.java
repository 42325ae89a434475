package org.bianmin.approval.application;

import org.bianmin.approval.model.ApprovalDecision;

/**
 * Where decision records live (DynamoDB): written once per application id, kept as the audit of every decision.
 * Repeats are answered by the idempotency store, not from here.
 */
public interface ApprovalRecords {

    /** Stores the decision unless the application id was decided before; false when it was. */
    boolean create(ApprovalDecision decision, String applicantMasked);
}
