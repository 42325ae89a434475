package org.bianmin.approval.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.Decision;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch re-verification (e.g. the yearly check that every allowance recipient is still eligible): the same rules
 * as 秒批, fanned out through a queue in chunks. Each finished chunk adds to the batch's counters; a person whose
 * check threw counts as failed without stopping the chunk; decisions that are not approvals are kept for review.
 */
public final class ReverifyingRecipients {

    public static final int CHUNK = 25;
    private static final Logger log = LoggerFactory.getLogger(ReverifyingRecipients.class);

    private final ServiceCatalog catalog;
    private final DecidingApplication deciding;
    private final BatchStore batches;
    private final Clock clock;

    public ReverifyingRecipients(ServiceCatalog catalog, DecidingApplication deciding, BatchStore batches, Clock clock) {
        this.catalog = catalog;
        this.deciding = deciding;
        this.batches = batches;
        this.clock = clock;
    }

    /** Records the batch and queues its chunks; the ID numbers must already be validated. */
    public String start(ServiceItem item, List<ResidentId> recipients, ReverificationQueue queue) {
        String batchId = "rv-" + UUID.randomUUID();
        batches.create(batchId, item.code(), recipients.size(), clock.instant().toString());
        for (int start = 0; start < recipients.size(); start += CHUNK) {
            List<String> ids = new ArrayList<>();
            for (ResidentId id : recipients.subList(start, Math.min(recipients.size(), start + CHUNK))) {
                ids.add(id.value());
            }
            queue.send(new ReverificationChunk(batchId, item.code(), ids));
        }
        log.info("re-verification started batch={} item={} recipients={}", batchId, item.code(), recipients.size());
        return batchId;
    }

    /** Processes one chunk (the worker's job). */
    public void process(ReverificationChunk chunk) {
        ServiceItem item = catalog.item(chunk.item()).orElseThrow(() -> new IllegalArgumentException("unknown item " + chunk.item()));
        int approved = 0;
        int rejected = 0;
        int review = 0;
        int failed = 0;
        for (String idNumber : chunk.idNumbers()) {
            try {
                ResidentId id = ResidentId.parse(idNumber);
                ApprovalDecision decision = deciding.decide(chunk.batchId() + "-" + id.masked(), item, id);
                if (decision.decision() == Decision.APPROVED) {
                    approved++;
                } else {
                    if (decision.decision() == Decision.REJECTED) {
                        rejected++;
                    } else {
                        review++;
                    }
                    batches.keepForReview(chunk.batchId(), decision, id.masked());
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("re-verification of one recipient failed batch={}: {}", chunk.batchId(), e.toString());
            }
        }
        batches.addProgress(chunk.batchId(), approved, rejected, review, failed);
    }
}
