package org.bianmin.approval.application;

import java.util.List;

/** A slice of a re-verification batch: one queue message, up to {@link ReverifyingRecipients#CHUNK} people. */
public record ReverificationChunk(String batchId, String item, List<String> idNumbers) {

    public ReverificationChunk {
        idNumbers = List.copyOf(idNumbers);
    }
}
