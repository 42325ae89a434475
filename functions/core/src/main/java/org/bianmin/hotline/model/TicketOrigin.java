package org.bianmin.hotline.model;

/**
 * Where an imported ticket came from: its identifier in the earlier system (unique, so a rerun of an import finds
 * it instead of filing it again) and the likes (点赞) it had collected there, a measure of how many people share it.
 */
public record TicketOrigin(String externalId, int likes) {

    public TicketOrigin {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("an imported ticket needs its external id");
        }
        likes = Math.max(0, likes);
    }
}
