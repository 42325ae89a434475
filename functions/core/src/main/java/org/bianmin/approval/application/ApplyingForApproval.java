package org.bianmin.approval.application;

import org.bianmin.observability.Metrics;
import org.bianmin.observability.MetricNames;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import org.bianmin.store.Idempotency;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application for an instant-approval item, decided once per application id through the shared idempotency
 * store (the same rules as the hotline intake): a repeat of the same request (the same JSON, whatever its key
 * order) returns the stored decision, also when two calls race; the same id with another request is refused
 * (422). The decision record is stored before it is returned, so every answer given is auditable.
 *
 * <p>The idempotency record answers repeats for a day; the decision record is kept for good, and an id that was
 * decided before that day is refused rather than decided twice.
 */
public final class ApplyingForApproval {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The application id was already decided, and its idempotency record has expired. */
    public static final class ApplicationIdReusedException extends RuntimeException {

        ApplicationIdReusedException(String applicationId) {
            super("application id " + applicationId + " was decided before");
        }
    }

    private final DecidingApplication deciding;
    private final ApprovalRecords records;
    private final Idempotency idempotency;
    private final Metrics metrics;

    public ApplyingForApproval(DecidingApplication deciding, ApprovalRecords records, Idempotency idempotency) {
        this(deciding, records, idempotency, Metrics.none());
    }

    /** Counting every new decision ({@link MetricNames#APPROVAL_DECISIONS}); a replayed one is not counted again. */
    public ApplyingForApproval(DecidingApplication deciding, ApprovalRecords records, Idempotency idempotency,
                               Metrics metrics) {
        this.metrics = metrics;
        this.deciding = deciding;
        this.records = records;
        this.idempotency = idempotency;
    }

    /**
     * @param request the request as the applicant sent it (its canonical JSON is what the id promises to mean)
     * @throws org.bianmin.store.IdempotencyConflictException for another request under a used id, or a repeat
     *                                                        while the first is still being decided
     */
    public ApprovalDecision apply(String applicationId, ServiceItem item, ResidentId applicant, String request) {
        String stored = idempotency.execute("approvals:" + applicationId, request, () -> {
            ApprovalDecision decision = deciding.decide(applicationId, item, applicant);
            if (!records.create(decision, applicant.masked())) {
                throw new ApplicationIdReusedException(applicationId);
            }
            metrics.count(MetricNames.APPROVAL_DECISIONS, java.util.Map.of("decision", decision.decision().name()));
            return JSON.writeValueAsString(decision);
        });
        return JSON.readValue(stored, ApprovalDecision.class);
    }
}
