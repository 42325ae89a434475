package org.bianmin.devices.application;

import org.bianmin.observability.Metrics;
import org.bianmin.observability.MetricNames;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.devices.model.Device;
import org.bianmin.devices.model.DeviceEvent;
import org.bianmin.devices.model.DeviceType;
import org.bianmin.hotline.HotlineDirectory;
import org.bianmin.hotline.HotlineIntake;
import org.bianmin.hotline.IntakeCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device payload, whatever transport brought it: validate and normalize, look up the device, apply the alarm
 * rules, deduplicate into the device's current alarm, and file a hotline ticket (channel {@code device}, the rule's
 * leaf, the device's location and grid) whenever the current alarm needs people and has none yet, once per alarm
 * opening (the intake's idempotency), so a retry after a failed filing files it and never files twice. Event times
 * outside the window around arrival are dead letters; an event older than the alarm's state (closed or reopened
 * since) is stale and changes nothing, and "last heard" only moves forward. Bad payloads and unknown
 * devices go to the dead-letter store with the reason; nothing here throws for bad input.
 */
public final class ProcessingDeviceEvent {

    public enum Outcome { ALARM_OPENED, ALARM_REPEATED, NO_ALARM, BELOW_CONFIDENCE, STALE, DEAD_LETTER, REFUSED }

    /** What became of a payload. {@code alarm} is set for the alarm outcomes, {@code reason} for dead letters. */
    public record Result(Outcome outcome, Alarm alarm, String reason) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProcessingDeviceEvent.class);

    private final EventParser parser = new EventParser();
    private final DeviceRules rules;
    private final DeviceRegistry devices;
    private final AlarmStore alarms;
    private final DeadLetters deadLetters;
    private final HotlineIntake intake;
    private final HotlineDirectory directory;
    private final Clock clock;
    private final Metrics metrics;

    public static final String DEAD_LETTER_KIND = "device-event";

    /** @param clock when payloads arrive: the default event time, and what the event time window is measured from */
    public ProcessingDeviceEvent(DeviceRules rules, DeviceRegistry devices, AlarmStore alarms, DeadLetters deadLetters,
                                 HotlineIntake intake, HotlineDirectory directory, Clock clock) {
        this(rules, devices, alarms, deadLetters, intake, directory, clock, Metrics.none());
    }

    /** Counting dead letters ({@link MetricNames#DEAD_LETTERS}, kind {@value #DEAD_LETTER_KIND}). */
    public ProcessingDeviceEvent(DeviceRules rules, DeviceRegistry devices, AlarmStore alarms, DeadLetters deadLetters,
                                 HotlineIntake intake, HotlineDirectory directory, Clock clock, Metrics metrics) {
        this.metrics = metrics;
        this.rules = rules;
        this.devices = devices;
        this.alarms = alarms;
        this.deadLetters = deadLetters;
        this.intake = intake;
        this.directory = directory;
        this.clock = clock;
    }

    public Result process(String source, String payload) {
        return process(source, payload, null);
    }

    /**
     * @param arrival when the payload reached the platform (an SQS message's sent time), so a queue that backed up
     *                does not turn timely events into stale ones; null: now
     */
    public Result process(String source, String payload, Instant arrival) {
        if (arrival == null || arrival.isAfter(clock.instant())) {
            arrival = clock.instant();
        }
        EventParser.Parsed parsed = parser.parse(payload, arrival);
        if (parsed.rejection() != null) {
            return deadLetter(source, parsed.rejection(), payload);
        }
        DeviceEvent event = parsed.event();
        Optional<String> untimely = rules.eventTimeWindow().problem(event.at(), arrival);
        if (untimely.isPresent()) {
            return deadLetter(source, "OUT_OF_TIME_WINDOW: " + untimely.get(), payload);
        }
        Optional<Device> found = devices.find(event.deviceId());
        if (found.isEmpty()) {
            return deadLetter(source, "UNKNOWN_DEVICE: " + event.deviceId(), payload);
        }
        Device device = found.get();
        devices.touch(device.deviceId(), event.at());
        // a sign of life ends an offline alarm, if it is newer than what the heartbeat check last saw
        alarms.find(device.deviceId(), AlarmType.DEVICE_OFFLINE)
                .filter(Alarm::isCurrent)
                .filter(offline -> event.at().isAfter(offline.lastSeen().minus(rules.heartbeatInterval())))
                .ifPresent(offline -> alarms.changeStatus(device.deviceId(), AlarmType.DEVICE_OFFLINE, offline.status(),
                        Alarm.AlarmStatus.RESOLVED));
        if ((device.type() == DeviceType.CAMERA) != (event.detection() != null) && !event.readings().isEmpty()) {
            return deadLetter(source, "INVALID_FIELDS: payload does not match the device type " + device.type(), payload);
        }
        Optional<AlarmType> raised = rules.evaluate(device.type(), event);
        if (raised.isEmpty()) {
            return new Result(event.detection() != null ? Outcome.BELOW_CONFIDENCE : Outcome.NO_ALARM, null, null);
        }
        AlarmType type = raised.get();
        String grid = directory.gridAt(device.address(), device.community(), device.lat(), device.lon()).orElse(null);
        AlarmStore.Sighting sighting = alarms.record(device.deviceId(), type, event.at(), rules.dedupeWindow(), grid);
        if (sighting.effect() == AlarmStore.Effect.STALE) {
            log.info("stale device event ignored deviceId={} type={} at={}", device.deviceId(), type, event.at());
            return new Result(Outcome.STALE, sighting.alarm(), null);
        }
        DeviceRules.AlarmRule rule = rules.rule(type);
        Alarm alarm = sighting.alarm();
        if (rule.fileTicket() && alarm.trackingNumber() == null && alarm.isCurrent()) {
            // Not only when this event opened the alarm: if filing or recording the ticket failed, the queue's retry
            // finds the alarm open and ticketless, and files now. The key makes it one ticket per alarm opening.
            String trackingNumber = intake.fileOnce(ticketKey(alarm), new IntakeCommand(describe(device, event, rule),
                    device.ownerPhone(), device.address(), device.community(), device.lat(), device.lon(), "device", null,
                    rule.leaf())).trackingNumber();
            alarms.attachTicket(device.deviceId(), type, alarm.openedAt(), trackingNumber);
            alarm = alarms.find(device.deviceId(), type).orElse(alarm);
            log.info("device alarm filed deviceId={} type={} trackingNumber={}", device.deviceId(), type, trackingNumber);
        }
        return new Result(sighting.opened() ? Outcome.ALARM_OPENED : Outcome.ALARM_REPEATED, alarm, null);
    }

    /** One ticket per alarm opening: the device, the alarm type and when the alarm opened. */
    static String ticketKey(Alarm alarm) {
        return "alarm:" + alarm.deviceId() + ":" + alarm.type().name() + ":" + alarm.openedAt();
    }

    /** The ticket text a department reads (Chinese), from the device and what it reported. */
    static String describe(Device device, DeviceEvent event, DeviceRules.AlarmRule rule) {
        String where = device.address() != null ? device.address() : (device.community() != null ? device.community() : "位置见设备档案");
        String detail = event.detection() != null
                ? "识别置信度" + Math.round(event.confidence() * 100) + "%" + (event.snapshotUrl() == null ? "" : "，抓拍：" + event.snapshotUrl())
                : event.readings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("，"));
        return "【设备告警】" + rule.label() + "：设备 " + device.deviceId() + "（" + where + "）上报，" + detail
                + "。请尽快核实处置。";
    }

    /**
     * A payload from an authenticated device (its MQTT login or HTTP credentials): one that names another device is
     * refused (kept as a dead letter for the audit) instead of being processed as that device's.
     */
    public Result processFrom(String sender, String source, String payload) {
        EventParser.Parsed parsed = parser.parse(payload, clock.instant());
        if (parsed.event() != null && !parsed.event().deviceId().equals(sender)) {
            Result refused = deadLetter(source, "DEVICE_MISMATCH: sent by " + sender + " for " + parsed.event().deviceId(), payload);
            return new Result(Outcome.REFUSED, null, refused.reason());
        }
        return process(source, payload);
    }

    private Result deadLetter(String source, String reason, String payload) {
        deadLetters.put(source, reason, payload);
        metrics.count(MetricNames.DEAD_LETTERS, java.util.Map.of("kind", DEAD_LETTER_KIND));
        log.warn("device payload dead-lettered source={} reason={}", source, reason);
        return new Result(Outcome.DEAD_LETTER, null, reason);
    }
}
