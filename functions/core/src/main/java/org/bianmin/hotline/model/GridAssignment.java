package org.bianmin.hotline.model;

/** The grid (网格) a request was assigned to, with its community. */
public record GridAssignment(String code, String name, String community, String street, String district) {
}
