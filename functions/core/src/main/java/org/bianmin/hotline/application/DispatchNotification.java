package org.bianmin.hotline.application;

/** A ticket was sent (or escalated) to a department: what the department's inbox receives. */
public record DispatchNotification(String trackingNumber, String action, String department, String grid,
                                   String category, String sla, String dueAt, String at) {
}
