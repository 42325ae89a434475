package org.bianmin.approval.model;

import java.util.List;

/**
 * The auditable record of one application: the decision, the reasons a citizen reads, and per check which source
 * said what and how long it took. {@code decidedAt} is ISO 8601 with the +08:00 offset.
 */
public record ApprovalDecision(String applicationId, String item, Decision decision, List<String> reasons,
                               List<CheckResult> checks, String decidedAt) {

    public ApprovalDecision {
        reasons = List.copyOf(reasons);
        checks = List.copyOf(checks);
    }

    /** @param evidence the field and value the source returned (never the applicant's identifiers), or why none */
    public record CheckResult(String check, String label, String source, CheckOutcome outcome, String evidence,
                              long latencyMs) {
    }
}
