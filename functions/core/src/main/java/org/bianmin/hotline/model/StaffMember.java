package org.bianmin.hotline.model;

/**
 * An authenticated staff member: from the JWT the API's authorizer verified. The dispatch centre sees and acts on
 * every ticket; anyone else only on their own department's, and only once it has been dispatched to them (a
 * ticket waiting at dispatch carries the router's department, but that department cannot act on it yet).
 */
public record StaffMember(String subject, String department, boolean dispatchCentre) {

    public static final String DISPATCH_CENTRE_ROLE = "dispatch";

    public boolean mayAccess(Ticket ticket) {
        return dispatchCentre || ticket.department().equals(department) && TicketLifecycle.reachedDepartment(ticket.status());
    }

    /** What the audit trail calls this member: the dispatch centre, or the department. */
    public String displayName() {
        return dispatchCentre ? ActorNames.DISPATCH_CENTRE : department;
    }
}
