package org.bianmin.devices.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.devices.model.DeviceEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a raw payload (MQTT message, SQS body or HTTP body) into a {@link DeviceEvent}, or says why it cannot:
 * the reason goes to the dead-letter store. Never throws for bad input.
 *
 * <pre>
 * sensor: {"deviceId":"SD-0001","timestamp":"2026-11-21T08:00:00+08:00","readings":{"smoke":1}}
 * camera: {"deviceId":"CAM-0001","timestamp":"...","detection":"street_vendor","confidence":0.87,"snapshotUrl":"https://..."}
 * </pre>
 */
public final class EventParser {

    public static final int MAX_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Either an event or the reason it was rejected. */
    public record Parsed(DeviceEvent event, String rejection) {

        static Parsed rejected(String reason) {
            return new Parsed(null, reason);
        }
    }

    public Parsed parse(String payload) {
        if (payload == null || payload.isBlank()) {
            return Parsed.rejected("EMPTY: empty payload");
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Parsed.rejected("TOO_LARGE: payload over 64 KB");
        }
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JacksonException e) {
            return Parsed.rejected("MALFORMED_JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Parsed.rejected("MALFORMED_JSON: not a JSON object");
        }
        JsonNode id = node.get("deviceId");
        if (id == null || !id.isString() || !id.stringValue().matches("[A-Za-z0-9_.:-]{1,64}")) {
            return Parsed.rejected("INVALID_FIELDS: deviceId missing or malformed");
        }
        Instant at;
        try {
            at = node.hasNonNull("timestamp") ? OffsetDateTime.parse(node.get("timestamp").stringValue()).toInstant() : Instant.now();
        } catch (DateTimeParseException | NullPointerException e) {
            return Parsed.rejected("INVALID_FIELDS: timestamp is not ISO 8601 with offset");
        }
        Map<String, Double> readings = new HashMap<>();
        JsonNode values = node.get("readings");
        if (values != null) {
            if (!values.isObject()) {
                return Parsed.rejected("INVALID_FIELDS: readings must be an object of numbers");
            }
            for (Map.Entry<String, JsonNode> entry : values.properties()) {
                if (!entry.getValue().isNumber()) {
                    return Parsed.rejected("INVALID_FIELDS: reading " + entry.getKey() + " is not a number");
                }
                readings.put(entry.getKey(), entry.getValue().doubleValue());
            }
        }
        AlarmType detection = null;
        double confidence = 1;
        String snapshot = null;
        if (node.hasNonNull("detection")) {
            try {
                detection = AlarmType.valueOf(node.get("detection").asString("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Parsed.rejected("UNKNOWN_TYPE: detection " + node.get("detection").asString(""));
            }
            JsonNode c = node.get("confidence");
            if (c == null || !c.isNumber() || c.doubleValue() < 0 || c.doubleValue() > 1) {
                return Parsed.rejected("INVALID_FIELDS: confidence must be a number from 0 to 1");
            }
            confidence = c.doubleValue();
            snapshot = node.hasNonNull("snapshotUrl") ? node.get("snapshotUrl").asString("") : null;
        } else if (readings.isEmpty() && !"heartbeat".equals(node.path("event").asString(""))) {
            return Parsed.rejected("INVALID_FIELDS: neither readings nor a detection");
        }
        return new Parsed(new DeviceEvent(id.stringValue(), at, readings, detection, confidence, snapshot), null);
    }
}
