package org.bianmin.devices.application;

import com.networknt.schema.Error;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.devices.model.DeviceEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a raw payload (MQTT message, SQS body or HTTP body) into a {@link DeviceEvent}, or says why it cannot:
 * the reason goes to the dead-letter store. The payload must satisfy its published JSON Schema
 * ({@link PayloadSchemas}): field types, the detection list and the physical range of every reading. Never throws
 * for bad input.
 *
 * <pre>
 * sensor: {"deviceId":"SD-0001","timestamp":"2026-11-21T08:00:00+08:00","readings":{"smoke":1}}
 * camera: {"deviceId":"CAM-0001","timestamp":"...","detection":"street_vendor","confidence":0.87,"snapshotUrl":"https://..."}
 * </pre>
 */
public final class EventParser {

    public static final int MAX_BYTES = 64 * 1024;
    /** Enough of the validator's findings for a person reading the dead letter, not a second copy of the payload. */
    private static final int MAX_FINDINGS = 3;
    /**
     * Decimals are read exactly: {@code 1e999} stays a (huge, finite) number that the schema's maximum refuses,
     * instead of becoming Infinity on the way in. NaN and Infinity literals are not JSON and fail to parse.
     */
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Either an event or the reason it was rejected. */
    public record Parsed(DeviceEvent event, String rejection) {

        static Parsed rejected(String reason) {
            return new Parsed(null, reason);
        }
    }

    /** @param arrival when the payload arrived: the event's time when it names none */
    public Parsed parse(String payload, Instant arrival) {
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
        List<Error> findings = PayloadSchemas.get().validate(node);
        if (!findings.isEmpty()) {
            return Parsed.rejected(reason(node, findings));
        }
        Instant at;
        try {
            at = node.hasNonNull("timestamp") ? OffsetDateTime.parse(node.get("timestamp").stringValue()).toInstant() : arrival;
        } catch (DateTimeParseException e) {
            // RFC 3339 allows a few forms Java does not read (a leap second): refused the same way
            return Parsed.rejected("INVALID_FIELDS: timestamp is not ISO 8601 with offset");
        }
        Map<String, Double> readings = new HashMap<>();
        JsonNode values = node.get("readings");
        if (values != null) {
            values.properties().forEach(entry -> readings.put(entry.getKey(), entry.getValue().doubleValue()));
        }
        AlarmType detection = null;
        double confidence = 1;
        String snapshot = null;
        if (node.has("detection")) {
            detection = AlarmType.valueOf(node.get("detection").stringValue().toUpperCase(Locale.ROOT));
            confidence = node.get("confidence").doubleValue();
            snapshot = node.hasNonNull("snapshotUrl") ? node.get("snapshotUrl").stringValue() : null;
        }
        return new Parsed(new DeviceEvent(node.get("deviceId").stringValue(), at, readings, detection, confidence, snapshot), null);
    }

    /** An unknown detection is its own reason (a camera model newer than the schema); the rest are invalid fields. */
    private static String reason(JsonNode node, List<Error> findings) {
        boolean unknownDetection = findings.stream().anyMatch(f -> "enum".equals(f.getKeyword())
                && f.getInstanceLocation().getNameCount() == 1 && "detection".equals(f.getInstanceLocation().getName(0)));
        if (unknownDetection) {
            return "UNKNOWN_TYPE: detection " + node.get("detection");
        }
        return "INVALID_FIELDS: " + findings.stream().limit(MAX_FINDINGS).map(Error::getMessage)
                .collect(Collectors.joining("; ")) + (findings.size() > MAX_FINDINGS ? "; ..." : "");
    }
}
