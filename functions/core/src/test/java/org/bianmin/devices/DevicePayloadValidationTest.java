package org.bianmin.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bianmin.devices.application.EventParser;
import org.bianmin.devices.model.AlarmType;
import org.junit.jupiter.api.Test;

/** Payloads against the published JSON Schemas: types, the detection list, formats and physical ranges. */
class DevicePayloadValidationTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-30T00:00:00Z");
    private final EventParser parser = new EventParser();

    private String rejection(String payload) {
        return parser.parse(payload, ARRIVAL).rejection();
    }

    @Test
    void readingsMustBeFiniteAndPhysicallyPossible() {
        for (String readings : new String[] {
                "{\"residualCurrentMa\":1e999}", "{\"residualCurrentMa\":-3}", "{\"cableTemperatureC\":1e999}",
                "{\"cableTemperatureC\":-1e999}", "{\"smoke\":-5}", "{\"smoke\":0.5}", "{\"smoke\":2}", "{\"waterLevelCm\":-1}",
                "{\"tiltDegrees\":400}", "{\"fillPercent\":101}", "{\"humidity\":1e999}", "{\"humidity\":\"high\"}", "{}"}) {
            assertThat(rejection("{\"deviceId\":\"EF-1\",\"readings\":" + readings + "}")).as(readings).startsWith("INVALID_FIELDS");
        }
        assertThat(rejection("{\"deviceId\":\"EF-1\",\"readings\":{\"residualCurrentMa\":NaN}}")).startsWith("MALFORMED_JSON");
        assertThat(rejection("{\"deviceId\":\"EF-1\",\"readings\":{\"residualCurrentMa\":Infinity}}")).startsWith("MALFORMED_JSON");

        EventParser.Parsed fine = parser.parse("{\"deviceId\":\"EF-1\",\"readings\":{\"residualCurrentMa\":350.5,\"cableTemperatureC\":-12,"
                + "\"humidity\":55}}", ARRIVAL);
        assertThat(fine.rejection()).isNull();
        assertThat(fine.event().readings()).containsEntry("residualCurrentMa", 350.5).containsEntry("cableTemperatureC", -12.0);
        assertThat(fine.event().at()).isEqualTo(ARRIVAL);
        assertThat(parser.parse("{\"deviceId\":\"SD-1\",\"readings\":{\"smoke\":1.0}}", ARRIVAL).rejection()).isNull();
    }

    @Test
    void fieldsFollowTheirFormats() {
        assertThat(rejection("{\"deviceId\":\"../etc/passwd\",\"readings\":{\"smoke\":1}}")).startsWith("INVALID_FIELDS");
        assertThat(rejection("{\"readings\":{\"smoke\":1}}")).startsWith("INVALID_FIELDS");
        assertThat(rejection("{\"deviceId\":\"SD-1\"}")).startsWith("INVALID_FIELDS");
        assertThat(rejection("{\"deviceId\":\"SD-1\",\"event\":\"reboot\"}")).startsWith("INVALID_FIELDS");
        for (String timestamp : new String[] {"yesterday", "2026-11-30 08:00", "2026-11-30T08:00:00", "2026-13-01T08:00:00+08:00", ""}) {
            assertThat(rejection("{\"deviceId\":\"SD-1\",\"timestamp\":\"" + timestamp + "\",\"readings\":{\"smoke\":1}}"))
                    .as(timestamp).startsWith("INVALID_FIELDS");
        }
        assertThat(parser.parse("{\"deviceId\":\"SD-1\",\"timestamp\":\"2026-11-30T08:00:00.5+08:00\",\"readings\":{\"smoke\":1}}",
                ARRIVAL).event().at()).isEqualTo(Instant.parse("2026-11-30T00:00:00.5Z"));

        String camera = "{\"deviceId\":\"CAM-1\",\"detection\":\"street_vendor\",\"confidence\":0.9";
        assertThat(rejection(camera + "}")).isNull();
        assertThat(rejection(camera.replace("0.9", "1.5") + "}")).startsWith("INVALID_FIELDS");
        assertThat(rejection(camera.replace(",\"confidence\":0.9", "") + "}")).startsWith("INVALID_FIELDS");
        assertThat(rejection(camera + ",\"snapshotUrl\":\"javascript:alert(1)\"}")).startsWith("INVALID_FIELDS");
        assertThat(rejection(camera.replace("street_vendor", "ufo") + "}")).isEqualTo("UNKNOWN_TYPE: detection \"ufo\"");
        EventParser.Parsed detection = parser.parse(camera + ",\"snapshotUrl\":\"https://snapshots.example/1.jpg\"}", ARRIVAL);
        assertThat(detection.event().detection()).isEqualTo(AlarmType.STREET_VENDOR);
        assertThat(detection.event().snapshotUrl()).isEqualTo("https://snapshots.example/1.jpg");
    }
}
