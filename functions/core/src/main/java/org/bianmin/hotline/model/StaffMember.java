package org.bianmin.hotline.model;

/**
 * An authenticated staff member: from the JWT the API's authorizer verified. The dispatch centre sees and acts on
 * every ticket; anyone else only on their own department's.
 */
public record StaffMember(String subject, String department, boolean dispatchCentre) {

    public static final String DISPATCH_CENTRE_ROLE = "dispatch";

    public boolean mayAccess(Ticket ticket) {
        return dispatchCentre || ticket.department().equals(department);
    }
}
