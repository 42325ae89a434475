package org.bianmin.hotline.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bianmin.hotline.model.ProtectedPhone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-encryption job of a phone key rotation: every ticket whose phone is not under the current keys gets the
 * current hash and ciphertext, in a conditional write that loses to any concurrent change (the ticket is left for
 * the next run instead of overwriting someone's update). Tickets already current are only counted, so the job is
 * idempotent; it stops between pages when its time budget is spent and says where to resume.
 */
public final class RotatingPhoneKeys {

    static final int PAGE_SIZE = 100;
    private static final Logger log = LoggerFactory.getLogger(RotatingPhoneKeys.class);

    private final StoredPhones phones;
    private final PhoneProtector protector;
    private final Clock clock;
    private final int pageSize;

    public RotatingPhoneKeys(StoredPhones phones, PhoneProtector protector, Clock clock) {
        this(phones, protector, clock, PAGE_SIZE);
    }

    public RotatingPhoneKeys(StoredPhones phones, PhoneProtector protector, Clock clock, int pageSize) {
        this.phones = phones;
        this.protector = protector;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * What a run did. The rotation is complete when a run ends without {@code resumeFrom} and with nothing
     * rewritten, changed concurrently or failed: then no ticket needs a previous key any more.
     */
    public record Report(int scanned, int rewritten, int alreadyCurrent, int changedConcurrently, int failed,
                         String resumeFrom) {
    }

    /** The outcome for one ticket. */
    public enum Outcome { REWRITTEN, ALREADY_CURRENT, CHANGED_CONCURRENTLY, FAILED }

    /**
     * @param resumeFrom where an earlier run stopped (its report's {@code resumeFrom}), or null to start at the beginning
     * @param budget how long to go on starting new pages
     */
    public Report run(String resumeFrom, Duration budget) {
        Instant stopAt = clock.instant().plus(budget);
        int[] counts = new int[Outcome.values().length];
        int scanned = 0;
        String next = resumeFrom;
        do {
            StoredPhones.Page page = phones.page(next, pageSize);
            for (StoredPhones.Entry entry : page.entries()) {
                scanned++;
                counts[rotate(entry).ordinal()]++;
            }
            next = page.next();
        } while (next != null && clock.instant().isBefore(stopAt));
        Report report = new Report(scanned, counts[Outcome.REWRITTEN.ordinal()], counts[Outcome.ALREADY_CURRENT.ordinal()],
                counts[Outcome.CHANGED_CONCURRENTLY.ordinal()], counts[Outcome.FAILED.ordinal()], next);
        log.info("phone key rotation scanned={} rewritten={} alreadyCurrent={} changedConcurrently={} failed={} resumeFrom={}",
                report.scanned(), report.rewritten(), report.alreadyCurrent(), report.changedConcurrently(),
                report.failed(), report.resumeFrom());
        return report;
    }

    /** One ticket: the log names the ticket and never the number. */
    public Outcome rotate(StoredPhones.Entry entry) {
        if (entry.phone() == null || entry.phone().ciphertext() == null) {
            return Outcome.ALREADY_CURRENT;
        }
        Optional<ProtectedPhone> replacement;
        try {
            replacement = protector.reprotect(entry.phone());
        } catch (RuntimeException e) {
            log.warn("phone key rotation cannot read the phone of trackingNumber={}: {}", entry.trackingNumber(), e.getMessage());
            return Outcome.FAILED;
        }
        if (replacement.isEmpty()) {
            return Outcome.ALREADY_CURRENT;
        }
        if (!phones.replace(entry, replacement.get())) {
            log.info("phone key rotation skipped trackingNumber={}: changed since it was read, left for the next run",
                    entry.trackingNumber());
            return Outcome.CHANGED_CONCURRENTLY;
        }
        return Outcome.REWRITTEN;
    }
}
