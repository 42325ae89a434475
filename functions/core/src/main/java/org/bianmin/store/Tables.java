package org.bianmin.store;

import java.util.List;

/** Every table Bianmin uses. Add a table here and the local runtime, the tests and the template checks follow. */
public final class Tables {

    /** Inquiry conversations: the last topic of a session, so follow-ups are answered in context. Expire by TTL. */
    public static final TableDefinition CONVERSATIONS =
            new TableDefinition("conversations", "sessionId", null, "expiresAt", List.of());

    public static final List<TableDefinition> ALL = List.of(CONVERSATIONS);

    private Tables() {
    }
}
