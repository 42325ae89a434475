package org.bianmin.hotline.application;

import org.bianmin.knowledge.model.Domain;
import java.util.Map;
import org.bianmin.observability.Metrics;
import org.bianmin.observability.MetricNames;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bianmin.hotline.IntakeReceipt;
import org.bianmin.platform.Fingerprint;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.GridAssignment;
import org.bianmin.hotline.model.RoutingSuggestion;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketOrigin;
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
    private final Metrics metrics;
    private final DuplicateCheck duplicates;

    public FilingRequest(RequestClassifier classifier, GridRegistry grids, Deadlines deadlines, TicketStore tickets,
                         PhoneProtector phones, Clock clock) {
        this(() -> classifier, grids, deadlines, tickets, phones, clock);
    }

    public FilingRequest(java.util.function.Supplier<RequestClassifier> classifier, GridRegistry grids, Deadlines deadlines,
                         TicketStore tickets, PhoneProtector phones, Clock clock) {
        this(classifier, grids, deadlines, tickets, phones, clock, Metrics.none());
    }

    /** Counting every filed request by channel and domain ({@link MetricNames#TICKETS_FILED}). */
    public FilingRequest(java.util.function.Supplier<RequestClassifier> classifier, GridRegistry grids, Deadlines deadlines,
                         TicketStore tickets, PhoneProtector phones, Clock clock, Metrics metrics) {
        this(classifier, grids, deadlines, tickets, phones, clock, metrics, DuplicateCheck.NONE);
    }

    /** Also checking each new request for likely duplicates before it is stored (the result is kept with the ticket). */
    public FilingRequest(java.util.function.Supplier<RequestClassifier> classifier, GridRegistry grids, Deadlines deadlines,
                         TicketStore tickets, PhoneProtector phones, Clock clock, Metrics metrics, DuplicateCheck duplicates) {
        this.duplicates = duplicates;
        this.metrics = metrics;
        this.classifier = classifier;
        this.grids = grids;
        this.deadlines = deadlines;
        this.tickets = tickets;
        this.phones = phones;
        this.clock = clock;
    }

    /** Told of every ticket filed here, after it is stored (hot-spot clustering: hotline.hotspots). */
    private final java.util.List<java.util.function.Consumer<Ticket>> afterFiling = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Adds a listener told of each ticket filed from now on, after it is stored. Its failure is logged and never
     * fails the filing: the citizen's request is received whatever happens to what follows from it.
     */
    public void afterFiling(java.util.function.Consumer<Ticket> listener) {
        afterFiling.add(listener);
    }

    private void filed(Ticket ticket) {
        for (java.util.function.Consumer<Ticket> listener : afterFiling) {
            try {
                listener.accept(ticket);
            } catch (RuntimeException e) {
                log.error("after filing ticket {}: {}", ticket.trackingNumber(), e.toString());
            }
        }
    }

    public IntakeReceipt file(NewRequest request) {
        return file(request, classify(request));
    }

    /** Files a request whose category the caller chose (Open311's service_code): no classification, no triage. */
    public IntakeReceipt file(NewRequest request, Leaf leaf) {
        return file(request, chosen(leaf));
    }

    /** Where the classifier routes a request (a low-confidence route goes to manual triage). */
    public Classification classify(NewRequest request) {
        return classifier.get().classify(request.text());
    }

    /** The route to a category the caller chose: certain, never triaged. */
    public static Classification chosen(Leaf leaf) {
        return new Classification(leaf.domain().label(), leaf.code(), leaf.name(), leaf.department(),
                leaf.sla(), 1.0, false, List.of(), List.of(), null);
    }

    private IntakeReceipt file(NewRequest request, Classification route) {
        Instant now = clock.instant();
        String code = String.format("%06d", random.nextInt(1_000_000));
        List<String> likelyDuplicates = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Ticket ticket = ticket(request, route, now, trackingNumber(now), code, "channel:" + request.channel(),
                    routeNote(route) + (request.urgent() ? "；市民在紧急情况提示后申请紧急办理" : ""), null);
            if (likelyDuplicates == null) {
                likelyDuplicates = likelyDuplicates(ticket);
            }
            ticket = ticket.withLikelyDuplicates(likelyDuplicates);
            if (tickets.create(ticket)) {
                log.info("request filed trackingNumber={} domain={} category={} department={} grid={} triage={} channel={} sla={}",
                        ticket.trackingNumber(), route.domain(), route.categoryCode(), ticket.department(),
                        ticket.grid() == null ? null : ticket.grid().code(), route.manualTriage(), request.channel(), ticket.sla());
                // the domain's code, not its Chinese label: CloudWatch dimension values are ASCII
                metrics.count(MetricNames.TICKETS_FILED, Map.of("channel", request.channel(),
                        "domain", Domain.fromLabel(route.domain()).map(Enum::name).orElse("UNKNOWN")));
                filed(ticket);
                return new IntakeReceipt(ticket.trackingNumber(), code, TicketStatus.RECEIVED.name(), route.domain(),
                        route.category(), ticket.department(), ticket.grid() == null ? null : ticket.grid().name(),
                        OFFSET_TIME.format(ticket.dueAt()), route.manualTriage(), route.modelVersion());
            }
        }
        throw new IllegalStateException("could not draw a free tracking number in 5 attempts");
    }

    /**
     * The likely duplicates of a request about to be stored. The check only informs the dispatch centre, so a check
     * that fails (a throttled index query, a bug) is logged and the request is filed without it: never lost for it.
     */
    private List<String> likelyDuplicates(Ticket draft) {
        try {
            return duplicates.likelyDuplicates(draft);
        } catch (RuntimeException e) {
            log.warn("similarity check failed, request filed without it category={}: {}", draft.categoryCode(), e.toString());
            return List.of();
        }
    }

    /**
     * A request as it would be filed now (classified, located, with its deadline), not stored: what the citizen's
     * similar-report preview compares with the open tickets. It has no tracking number and no phone.
     */
    public Ticket draft(String text, org.bianmin.hotline.model.Location location) {
        Classification route = classifier.get().classify(text);
        Instant now = clock.instant();
        GridAssignment grid = grids.locate(location).orElse(null);
        return new Ticket("DRAFT", "-", TicketStatus.RECEIVED, 0, "preview", text, null, location, route.domain(),
                route.categoryCode(), route.category(), route.manualTriage() ? TRIAGE_DEPARTMENT : route.department(), grid,
                route.sla(), route.manualTriage(), now, deadlines.dueAt(route.sla(), now), null, null, List.of());
    }

    /**
     * Files a request received earlier elsewhere, under a tracking number the import reserved for it: created and
     * due as of its original time, the audit trail naming who imported it. No verification code is handed out (the
     * citizen was answered by the earlier system), so the stored hash is of a code nobody knows.
     *
     * @return the ticket, or empty when the tracking number is taken by another ticket
     */
    public java.util.Optional<Ticket> fileHistorical(NewRequest request, Classification route, Instant receivedAt,
                                                     TicketOrigin origin, String importedBy, String trackingNumber) {
        String unknownCode = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        Ticket ticket = ticket(request, route, receivedAt, trackingNumber, unknownCode, "import:" + importedBy,
                "历史诉求导入（原编号 " + origin.externalId() + "）；" + routeNote(route), origin);
        if (!tickets.create(ticket)) {
            return java.util.Optional.empty();
        }
        log.info("historical request imported trackingNumber={} externalId={} category={} department={} triage={}",
                trackingNumber, origin.externalId(), route.categoryCode(), ticket.department(), route.manualTriage());
        filed(ticket);
        return java.util.Optional.of(ticket);
    }

    /** A fresh tracking number for a request received at {@code at}: its day and six random digits. */
    public String trackingNumber(Instant at) {
        return "BM" + DAY.format(at) + String.format("%06d", random.nextInt(1_000_000));
    }

    private Ticket ticket(NewRequest request, Classification route, Instant receivedAt, String trackingNumber,
                          String code, String actor, String note, TicketOrigin origin) {
        GridAssignment grid = grids.locate(request.location()).orElse(null);
        // An emergency's follow-up request is URGENT whatever category the text falls in (a fire may read as housing).
        SlaClass sla = request.urgent() ? SlaClass.URGENT : route.sla();
        Instant dueAt = deadlines.dueAt(sla, receivedAt);
        String department = route.manualTriage() ? TRIAGE_DEPARTMENT : route.department();
        TicketEvent received = new TicketEvent(receivedAt, actor, "RECEIVE", null, TicketStatus.RECEIVED, note);
        return new Ticket(trackingNumber, verificationHash(trackingNumber, code), TicketStatus.RECEIVED, 1,
                request.channel(), request.text(), phones.protect(request.phone()), request.location(),
                route.domain(), route.categoryCode(), route.category(), department, grid, sla,
                route.manualTriage(), receivedAt, dueAt, request.sessionId(), null, List.of(received), origin,
                suggestion(route));
    }

    /** What the router proposed, kept to compare with the dispatcher's final routing; none for a chosen category. */
    private static RoutingSuggestion suggestion(Classification route) {
        return route.modelVersion() == null ? null : new RoutingSuggestion(route.domain(), route.categoryCode(),
                route.category(), route.department(), route.modelVersion(), route.confidence());
    }

    private static String routeNote(Classification route) {
        return route.manualTriage() ? "分类置信度低，转人工分拨" : "自动分类：" + route.category();
    }

    /** The verification code is stored only as this hash, salted with the tracking number. */
    public static String verificationHash(String trackingNumber, String code) {
        return Fingerprint.sha256(trackingNumber + ":" + code);
    }
}
