package org.bianmin.hotline.application;

import java.util.function.Supplier;
import org.bianmin.hotline.HistoricalRequest;
import org.bianmin.hotline.HotlineIntake;
import org.bianmin.hotline.ImportReceipt;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.hotline.IntakeReceipt;
import org.bianmin.hotline.InvalidIntakeCommandException;
import org.bianmin.hotline.classification.Leaf;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.store.Idempotency;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hotline's published intake port, over the intake use case, the taxonomy (for a chosen category), the
 * idempotency store (for filing once per key) and the historical import.
 */
public final class HotlineIntakeService implements HotlineIntake {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FilingRequest filing;
    private final Taxonomy taxonomy;
    private final Idempotency idempotency;
    /** Resolved on first import: functions that never import (devices) need no access to the id registry. */
    private final Supplier<ImportingHistoricalRequest> importing;

    /** An intake that files and files once per key, but does not import history. */
    public HotlineIntakeService(FilingRequest filing, Taxonomy taxonomy, Idempotency idempotency) {
        this(filing, taxonomy, idempotency, () -> {
            throw new IllegalStateException("this intake is not configured for imports");
        });
    }

    public HotlineIntakeService(FilingRequest filing, Taxonomy taxonomy, Idempotency idempotency,
                                Supplier<ImportingHistoricalRequest> importing) {
        this.filing = filing;
        this.taxonomy = taxonomy;
        this.idempotency = idempotency;
        this.importing = importing;
    }

    @Override
    public IntakeReceipt fileOnce(String key, IntakeCommand command) {
        // the key is the whole request: a repeat with other text (a later reading) is the same request
        String receipt = idempotency.execute("intake:" + key, key, () -> JSON.writeValueAsString(file(command)));
        return JSON.readValue(receipt, IntakeReceipt.class);
    }

    @Override
    public IntakeReceipt file(IntakeCommand command) {
        NewRequest request = newRequest(command);
        if (command.categoryCode() == null) {
            return filing.file(request);
        }
        return filing.file(request, chosenLeaf(command));
    }

    @Override
    public ImportReceipt fileHistorical(HistoricalRequest historical) {
        IntakeCommand command = historical.command();
        NewRequest request = newRequest(command);
        Leaf chosen = command.categoryCode() == null ? null : chosenLeaf(command);
        return importing.get().file(historical, request,
                () -> chosen == null ? filing.classify(request) : FilingRequest.chosen(chosen));
    }

    private Leaf chosenLeaf(IntakeCommand command) {
        return taxonomy.leaf(command.categoryCode()).orElseThrow(() -> new InvalidIntakeCommandException(
                "UNKNOWN_CATEGORY", "未知的诉求类别：" + command.categoryCode()));
    }

    /** The intake's internal, already validated form of a command. */
    public static NewRequest newRequest(IntakeCommand command) {
        PhoneNumber phone = PhoneNumber.parse(command.phone()).orElseThrow();
        Location location = command.hasPlace()
                ? new Location(command.address(), command.community(), command.lat(), command.lon()) : null;
        return new NewRequest(command.text(), phone, location, command.channel(), command.sessionId(), command.urgent());
    }

}
