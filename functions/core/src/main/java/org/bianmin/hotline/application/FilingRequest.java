package org.bianmin.hotline.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bianmin.hotline.IntakeReceipt;
import org.bianmin.platform.Fingerprint;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.GridAssignment;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.Classification;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.Leaf;
import org.bianmin.hotline.classification.RequestClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hotline intake (受理): classifies the text, finds the grid, computes the deadline, stores the ticket as RECEIVED
 * and returns the tracking number with a one-time verification code. A request the classifier is unsure about
 * goes to the dispatch centre's manual triage queue instead of a guessed department.
 */
public final class FilingRequest {

    public static final String TRIAGE_DEPARTMENT = "12345热线分拨中心（人工分拨）";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(WorkingCalendar.ZONE);
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);
    private static final Logger log = LoggerFactory.getLogger(FilingRequest.class);

    /** Built on first use: a caller that always names the category (devices, Open311) never loads the classifier. */
    private final java.util.function.Supplier<RequestClassifier> classifier;
    private final GridRegistry grids;
    private final Deadlines deadlines;
    private final TicketStore tickets;
    private final PhoneProtector phones;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FilingRequest(RequestClassifier classifier, GridRegistry grids, Deadlines deadlines, TicketStore tickets,
                         PhoneProtector phones, Clock clock) {
        this(() -> classifier, grids, deadlines, tickets, phones, clock);
    }

    public FilingRequest(java.util.function.Supplier<RequestClassifier> classifier, GridRegistry grids, Deadlines deadlines,
                         TicketStore tickets, PhoneProtector phones, Clock clock) {
        this.classifier = classifier;
        this.grids = grids;
        this.deadlines = deadlines;
        this.tickets = tickets;
        this.phones = phones;
        this.clock = clock;
    }

    public IntakeReceipt file(NewRequest request) {
        return file(request, classifier.get().classify(request.text()));
    }

    /** Files a request whose category the caller chose (Open311's service_code): no classification, no triage. */
    public IntakeReceipt file(NewRequest request, Leaf leaf) {
        return file(request, new Classification(leaf.domain().label(), leaf.code(), leaf.name(), leaf.department(),
                leaf.sla(), 1.0, false, List.of(), List.of(), null));
    }

    private IntakeReceipt file(NewRequest request, Classification route) {
        GridAssignment grid = grids.locate(request.location()).orElse(null);
        Instant now = clock.instant();
        // An emergency's follow-up request is URGENT whatever category the text falls in (a fire may read as housing).
        SlaClass sla = request.urgent() ? SlaClass.URGENT : route.sla();
        Instant dueAt = deadlines.dueAt(sla, now);
        String department = route.manualTriage() ? TRIAGE_DEPARTMENT : route.department();
        String code = String.format("%06d", random.nextInt(1_000_000));
        TicketEvent received = new TicketEvent(now, "channel:" + request.channel(), "RECEIVE", null,
                TicketStatus.RECEIVED, (route.manualTriage() ? "分类置信度低，转人工分拨" : "自动分类：" + route.category())
                        + (request.urgent() ? "；市民在紧急情况提示后申请紧急办理" : ""));
        for (int attempt = 0; attempt < 5; attempt++) {
            String trackingNumber = "BM" + DAY.format(now) + String.format("%06d", random.nextInt(1_000_000));
            Ticket ticket = new Ticket(trackingNumber, verificationHash(trackingNumber, code), TicketStatus.RECEIVED, 1,
                    request.channel(), request.text(), phones.protect(request.phone()), request.location(),
                    route.domain(), route.categoryCode(), route.category(), department, grid, sla,
                    route.manualTriage(), now, dueAt, request.sessionId(), null, List.of(received));
            if (tickets.create(ticket)) {
                log.info("request filed trackingNumber={} domain={} category={} department={} grid={} triage={} channel={} sla={}",
                        trackingNumber, route.domain(), route.categoryCode(), department,
                        grid == null ? null : grid.code(), route.manualTriage(), request.channel(), sla);
                return new IntakeReceipt(trackingNumber, code, TicketStatus.RECEIVED.name(), route.domain(), route.category(),
                        department, grid == null ? null : grid.name(), OFFSET_TIME.format(dueAt), route.manualTriage(),
                        route.modelVersion());
            }
        }
        throw new IllegalStateException("could not draw a free tracking number in 5 attempts");
    }

    /** The verification code is stored only as this hash, salted with the tracking number. */
    public static String verificationHash(String trackingNumber, String code) {
        return Fingerprint.sha256(trackingNumber + ":" + code);
    }
}
