package org.bianmin.devices.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.devices.model.DeviceEvent;
import org.bianmin.devices.model.DeviceType;
import org.bianmin.devices.model.EventTimeWindow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alarm rules from {@code devices/rules.json}: thresholds per sensor type, the camera confidence floor, the dedupe
 * window, the window of believed event times, and per alarm type its label, the hotline leaf its ticket is filed under and whether it is urgent.
 */
public final class DeviceRules {

    public static final String RESOURCE = "devices/rules.json";

    /** How an alarm type becomes a ticket. {@code leaf} is null when it is recorded only. */
    public record AlarmRule(String label, String leaf, boolean fileTicket, boolean urgent) {
    }

    private final double confidenceFloor;
    private final Duration dedupeWindow;
    private final Duration heartbeatInterval;
    private final EventTimeWindow eventTimeWindow;
    private final Map<String, Double> thresholds;
    private final Map<AlarmType, AlarmRule> alarms;

    DeviceRules(double confidenceFloor, Duration dedupeWindow, Duration heartbeatInterval, EventTimeWindow eventTimeWindow,
                Map<String, Double> thresholds, Map<AlarmType, AlarmRule> alarms) {
        this.confidenceFloor = confidenceFloor;
        this.dedupeWindow = dedupeWindow;
        this.heartbeatInterval = heartbeatInterval;
        this.eventTimeWindow = eventTimeWindow;
        this.thresholds = Map.copyOf(thresholds);
        this.alarms = Map.copyOf(alarms);
    }

    public static DeviceRules loadDefault(Predicate<String> leafExists) {
        try (InputStream in = DeviceRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, Double> thresholds = new java.util.HashMap<>();
            root.required("thresholds").forEachEntry((name, value) -> thresholds.put(name, value.doubleValue()));
            Map<AlarmType, AlarmRule> alarms = new EnumMap<>(AlarmType.class);
            for (AlarmType type : AlarmType.values()) {
                JsonNode rule = root.required("alarms").get(type.name());
                if (rule == null) {
                    throw new IllegalStateException(RESOURCE + ": no rule for " + type);
                }
                String leaf = rule.path("leaf").isString() ? rule.get("leaf").stringValue() : null;
                boolean fileTicket = rule.required("fileTicket").booleanValue();
                if (fileTicket && (leaf == null || !leafExists.test(leaf))) {
                    throw new IllegalStateException(RESOURCE + ": " + type + " files tickets under unknown leaf " + leaf);
                }
                alarms.put(type, new AlarmRule(rule.required("label").stringValue(), leaf, fileTicket,
                        rule.required("urgent").booleanValue()));
            }
            return new DeviceRules(root.required("cameraConfidenceFloor").doubleValue(),
                    Duration.ofMinutes(root.required("dedupeWindowMinutes").longValue()),
                    Duration.ofMinutes(root.required("heartbeatIntervalMinutes").longValue()),
                    new EventTimeWindow(Duration.ofMinutes(root.required("eventTimeWindow").required("beforeArrivalMinutes").longValue()),
                            Duration.ofMinutes(root.required("eventTimeWindow").required("afterArrivalMinutes").longValue())),
                    thresholds, alarms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The alarm this event raises on this kind of device, if any (below the confidence floor: none). */
    public Optional<AlarmType> evaluate(DeviceType type, DeviceEvent event) {
        Map<String, Double> r = event.readings();
        return switch (type) {
            case CAMERA -> event.confidence() >= confidenceFloor ? Optional.ofNullable(event.detection()) : Optional.empty();
            case SMOKE_DETECTOR -> r.getOrDefault("smoke", 0.0) >= 1 ? Optional.of(AlarmType.SMOKE) : Optional.empty();
            case ELECTRICAL_FIRE_MONITOR -> r.getOrDefault("residualCurrentMa", 0.0) > thresholds.get("residualCurrentMa")
                    || r.getOrDefault("cableTemperatureC", 0.0) > thresholds.get("cableTemperatureC")
                    ? Optional.of(AlarmType.ELECTRICAL_FIRE) : Optional.empty();
            case WATER_LEVEL -> above(r, "waterLevelCm") ? Optional.of(AlarmType.WATERLOGGING) : Optional.empty();
            case MANHOLE_COVER -> above(r, "tiltDegrees") ? Optional.of(AlarmType.MANHOLE_DISPLACED) : Optional.empty();
            case GARBAGE_BIN -> above(r, "fillPercent") ? Optional.of(AlarmType.BIN_FULL) : Optional.empty();
        };
    }

    private boolean above(Map<String, Double> readings, String name) {
        return readings.getOrDefault(name, 0.0) > thresholds.get(name);
    }

    public AlarmRule rule(AlarmType type) {
        return alarms.get(type);
    }

    public Duration dedupeWindow() {
        return dedupeWindow;
    }

    /** Which event times are believed, around the time a payload arrives. */
    public EventTimeWindow eventTimeWindow() {
        return eventTimeWindow;
    }

    /** A device silent for longer than this is offline. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    public double confidenceFloor() {
        return confidenceFloor;
    }
}
