package org.bianmin.hotline;

/**
 * What a caller gets back when a request is accepted: the tracking number and the verification code to look it up,
 * and where it was routed. {@code dueAt} is ISO 8601 with the +08:00 offset. {@code routerVersion} names the
 * routing model that chose the domain ({@code null} when the caller named the category).
 */
public record IntakeReceipt(String trackingNumber, String verificationCode, String status, String domain, String category,
                            String department, String grid, String dueAt, boolean manualTriage, String routerVersion) {
}
