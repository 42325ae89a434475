package org.bianmin.approval.application;

import java.util.Map;
import java.util.Optional;
import org.bianmin.approval.model.ApprovalDecision;

/** Progress of re-verification batches, and the decisions that need someone's attention. */
public interface BatchStore {

    void create(String batchId, String item, int total, String createdAt);

    /** Adds one finished chunk's counts (atomic counters, so chunks finishing together never lose updates). */
    void addProgress(String batchId, int approved, int rejected, int manualReview, int failed);

    /** Keeps a decision that is not an approval: the recipient may no longer be eligible. */
    void keepForReview(String batchId, ApprovalDecision decision, String applicantMasked);

    Optional<Map<String, Object>> progress(String batchId);
}
