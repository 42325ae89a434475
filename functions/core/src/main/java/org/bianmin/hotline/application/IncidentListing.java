package org.bianmin.hotline.application;

import org.bianmin.hotline.model.Incident;
import org.bianmin.store.Page;

/** The incident lists (read from indexes, never a scan), apart from {@link IncidentStore} so that writers need no index. */
public interface IncidentListing {

    /**
     * A page of incidents, newest first, with the cursor of the next: those {@code department} owns, in any status,
     * or with {@code department} null all open incidents (the dispatch centre's list).
     *
     * @throws org.bianmin.store.InvalidCursorException when the cursor was not issued by this same listing
     */
    Page<Incident> list(String department, int limit, String cursor);
}
