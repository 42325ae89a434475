package org.bianmin.approval.application;

import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;

/**
 * An application for an instant-approval item, decided once per application id: a repeat of the same request
 * (same fingerprint) returns the stored decision, also when two calls race; the same id with another request is
 * refused. The decision record is stored before it is returned, so every answer given is auditable.
 */
public final class ApplyingForApproval {

    /** The application id was already used for a different request. */
    public static final class ApplicationIdReusedException extends RuntimeException {

        ApplicationIdReusedException(String applicationId) {
            super("application id " + applicationId + " was used for another request");
        }
    }

    private final DecidingApplication deciding;
    private final ApprovalRecords records;

    public ApplyingForApproval(DecidingApplication deciding, ApprovalRecords records) {
        this.deciding = deciding;
        this.records = records;
    }

    public ApprovalDecision apply(String applicationId, ServiceItem item, ResidentId applicant, String fingerprint) {
        var existing = records.find(applicationId);
        if (existing.isPresent()) {
            return replay(applicationId, existing.get(), fingerprint);
        }
        ApprovalDecision decision = deciding.decide(applicationId, item, applicant);
        if (!records.create(decision, fingerprint, applicant.masked())) {
            return replay(applicationId, records.find(applicationId).orElseThrow(), fingerprint);
        }
        return decision;
    }

    private static ApprovalDecision replay(String applicationId, ApprovalRecords.Stored stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ApplicationIdReusedException(applicationId);
        }
        return stored.decision();
    }
}
