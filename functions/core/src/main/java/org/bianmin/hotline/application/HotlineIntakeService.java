package org.bianmin.hotline.application;

import java.util.Optional;
import org.bianmin.hotline.HotlineDirectory;
import org.bianmin.hotline.HotlineIntake;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.hotline.IntakeReceipt;
import org.bianmin.hotline.InvalidIntakeCommandException;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.Leaf;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.WorkingCalendar;

/** The hotline's published ports, over the intake use case, the taxonomy, the grids and the ticket store. */
public final class HotlineIntakeService implements HotlineIntake, HotlineDirectory {

    private final FilingRequest filing;
    private final Taxonomy taxonomy;
    private final GridRegistry grids;
    private final TicketStore tickets;

    public HotlineIntakeService(FilingRequest filing, Taxonomy taxonomy, GridRegistry grids, TicketStore tickets) {
        this.filing = filing;
        this.taxonomy = taxonomy;
        this.grids = grids;
        this.tickets = tickets;
    }

    @Override
    public IntakeReceipt file(IntakeCommand command) {
        NewRequest request = newRequest(command);
        if (command.categoryCode() == null) {
            return filing.file(request);
        }
        Leaf leaf = taxonomy.leaf(command.categoryCode()).orElseThrow(() -> new InvalidIntakeCommandException(
                "UNKNOWN_CATEGORY", "未知的诉求类别：" + command.categoryCode()));
        return filing.file(request, leaf);
    }

    /** The intake's internal, already validated form of a command. */
    public static NewRequest newRequest(IntakeCommand command) {
        PhoneNumber phone = PhoneNumber.parse(command.phone()).orElseThrow();
        Location location = command.hasPlace()
                ? new Location(command.address(), command.community(), command.lat(), command.lon()) : null;
        return new NewRequest(command.text(), phone, location, command.channel(), command.sessionId());
    }

    @Override
    public Optional<String> gridAt(String address, String community, Double lat, Double lon) {
        return grids.locate(new Location(address, community, lat, lon)).map(grid -> grid.name());
    }

    @Override
    public boolean isCategory(String code) {
        return taxonomy.leaf(code).isPresent();
    }

    @Override
    public Optional<RequestStatus> status(String trackingNumber) {
        return tickets.find(trackingNumber).map(ticket -> new RequestStatus(ticket.trackingNumber(), ticket.status().name(),
                ticket.department(), ticket.dueAt() == null ? null
                        : ticket.dueAt().atZone(WorkingCalendar.ZONE).toOffsetDateTime().toString()));
    }
}
