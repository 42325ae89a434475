package org.bianmin.approval.model;

/** 秒批 outcome: approved only when every check passed on evidence; a failed check rejects; else a person looks. */
public enum Decision {
    APPROVED, REJECTED, MANUAL_REVIEW
}
