package org.bianmin.devices.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;

/** The current alarm of each device and type, deduplicated by the store's conditional writes. */
public interface AlarmStore {

    /** What an event did to the alarm. */
    enum Effect {
        OPENED,
        /** counted on the current alarm ({@code lastSeen} moves only forward) */
        REPEATED,
        /** older than the alarm's state (it closed or reopened since): changed nothing */
        STALE
    }

    /** The alarm after an event, and what the event did to it. */
    record Sighting(Alarm alarm, Effect effect) {

        public boolean opened() {
            return effect == Effect.OPENED;
        }
    }

    /**
     * Counts the event on the current alarm seen within {@code window} (an event older than {@code lastSeen} is
     * counted without moving it back), or opens a new alarm, unless the event is older than the alarm's state: an
     * alarm closed after the event's time, or opened more than {@code window} after it, is left as it is.
     */
    Sighting record(String deviceId, AlarmType type, Instant at, Duration window, String grid);

    /** Records the ticket on the alarm opened at {@code openedAt}, unless that alarm was replaced or has a ticket. */
    void attachTicket(String deviceId, AlarmType type, Instant openedAt, String trackingNumber);

    Optional<Alarm> find(String deviceId, AlarmType type);

    /** Sets the status (a closing status also records when the alarm closed). */
    void setStatus(String deviceId, AlarmType type, Alarm.AlarmStatus status);

    /** Moves the alarm from {@code from} to {@code to}; false when its status is no longer {@code from}. */
    boolean changeStatus(String deviceId, AlarmType type, Alarm.AlarmStatus from, Alarm.AlarmStatus to);

    /**
     * One page of the alarms in a status, last seen first, optionally of one type and one grid (both may be null).
     *
     * @throws org.bianmin.store.InvalidCursorException when {@code cursor} was not issued for this same listing
     */
    org.bianmin.store.Page<Alarm> byStatus(Alarm.AlarmStatus status, AlarmType type, String grid, int limit, String cursor);
}
