package org.bianmin.approval.application;

import java.util.Optional;
import org.bianmin.approval.model.ApprovalDecision;

/** Where decision records live (DynamoDB): written once per application id, with the request's fingerprint. */
public interface ApprovalRecords {

    /** A stored decision and the fingerprint of the request that made it. */
    record Stored(ApprovalDecision decision, String fingerprint) {
    }

    Optional<Stored> find(String applicationId);

    /** Stores the decision unless the application id is taken; false when it is (the caller replays). */
    boolean create(ApprovalDecision decision, String fingerprint, String applicantMasked);
}
