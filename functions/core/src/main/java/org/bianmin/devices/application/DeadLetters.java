package org.bianmin.devices.application;

/** Device payloads that could not be processed, kept with the reason and countable. */
public interface DeadLetters {

    void put(String source, String reason, String payload);

    int count();
}
