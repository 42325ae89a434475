package org.bianmin.hotline.similarity;

import java.util.List;
import org.bianmin.hotline.IntakeReceipt;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.LinkingDuplicates;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.model.Incident;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the citizen sees before filing ("附近已有类似诉求正在办理"), and following one of those requests instead of
 * filing a separate one.
 *
 * <p>The preview compares the citizen's words (and place) with the open tickets exactly as the intake's check
 * would, and only open tickets are offered: a finished one cannot be followed. Following files the citizen's own
 * request (their own tracking number and code, their own return visit) and links it into the followed ticket's
 * incident, so it follows that incident's status. A follow is accepted only for a ticket the preview would offer for
 * the same words, so nobody can attach themselves to an unrelated ticket by its number; and should the link fail,
 * the citizen's request is still filed, as a separate ticket the dispatch centre sees flagged as a likely duplicate.
 */
public final class FollowingSimilarRequest {

    private static final Logger log = LoggerFactory.getLogger(FollowingSimilarRequest.class);
    /** How many open requests the citizen is shown at most. */
    public static final int SHOWN = 3;

    private final FilingRequest filing;
    private final FindingSimilarTickets similar;
    private final LinkingDuplicates linking;

    public FollowingSimilarRequest(FilingRequest filing, FindingSimilarTickets similar, LinkingDuplicates linking) {
        this.filing = filing;
        this.similar = similar;
        this.linking = linking;
    }

    /** The open requests about the same problem at the same place, best first, at most {@value #SHOWN}. */
    public List<SimilarTicket> openSimilar(String text, Location location) {
        // one per incident: its members are one problem, and following any of them joins the same incident
        java.util.Set<String> seen = new java.util.HashSet<>();
        return openLikelyDuplicates(text, location).stream()
                .filter(s -> seen.add(s.ticket().incidentId() == null ? s.ticket().trackingNumber() : s.ticket().incidentId()))
                .limit(SHOWN).toList();
    }

    private List<SimilarTicket> openLikelyDuplicates(String text, Location location) {
        return similar.similarTo(filing.draft(text, location), candidate -> candidate.status().isOpen());
    }

    /** The citizen's request filed and linked with the request they follow; {@code incident} null when not linked. */
    public record Followed(IntakeReceipt receipt, String followed, Incident incident) {
    }

    /**
     * Files the citizen's request and links it with {@code followedNumber}.
     *
     * @throws NotFollowableException when {@code followedNumber} is not among the open requests offered for these words
     */
    public Followed follow(String followedNumber, NewRequest request) {
        // the followed ticket itself, or another member of its incident (the preview shows one per incident)
        String followedIncident = linking.incidentOf(followedNumber);
        boolean offered = openLikelyDuplicates(request.text(), request.location()).stream()
                .anyMatch(s -> s.ticket().trackingNumber().equals(followedNumber)
                        || followedIncident != null && followedIncident.equals(s.ticket().incidentId()));
        if (!offered) {
            throw new NotFollowableException();
        }
        IntakeReceipt receipt = filing.file(request);
        Incident linked = null;
        try {
            Incident incident = linking.follow(followedNumber, receipt.trackingNumber());
            linked = incident.members().contains(receipt.trackingNumber()) ? incident : null;
        } catch (RuntimeException e) {
            // the request is filed; it stays a separate ticket, flagged with its likely duplicates for the dispatcher
            log.warn("follow not linked followed={} trackingNumber={}: {}", followedNumber, receipt.trackingNumber(), e.toString());
        }
        log.info("request follows another followed={} trackingNumber={} incident={}", followedNumber,
                receipt.trackingNumber(), linked == null ? null : linked.id());
        return new Followed(receipt, followedNumber, linked);
    }

    /** The request to follow is not one the citizen's words match among the open requests (or does not exist). */
    public static final class NotFollowableException extends RuntimeException {
        NotFollowableException() {
            super("not an open similar request");
        }
    }
}
