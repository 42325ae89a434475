package org.bianmin.knowledge.search;

/** What an index reports for {@code GET /health}. */
public record IndexHealth(boolean up, long documents, String detail) {

    public static IndexHealth up(long documents, String detail) {
        return new IndexHealth(true, documents, detail);
    }

    public static IndexHealth down(String detail) {
        return new IndexHealth(false, 0, detail);
    }
}
