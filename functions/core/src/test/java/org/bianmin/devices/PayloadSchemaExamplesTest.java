package org.bianmin.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.devices.application.EventParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every example in the documented JSON Schemas is accepted by the parser, and the detections match the code. */
class PayloadSchemaExamplesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventParser parser = new EventParser();

    @Test
    void theDocumentedExamplesParse() throws Exception {
        for (String schema : new String[] {"sensor-event.schema.json", "camera-detection.schema.json"}) {
            JsonNode root = json.readTree(Files.readString(Path.of("../../docs/schemas/" + schema)));
            assertThat(root.get("examples")).isNotEmpty();
            for (JsonNode example : root.get("examples")) {
                EventParser.Parsed parsed = parser.parse(json.writeValueAsString(example), java.time.Instant.now());
                assertThat(parsed.rejection()).as(schema + ": " + example).isNull();
            }
        }
        JsonNode detections = json.readTree(Files.readString(Path.of("../../docs/schemas/camera-detection.schema.json")))
                .get("properties").get("detection").get("enum");
        for (JsonNode detection : detections) {
            assertThat(org.bianmin.devices.model.AlarmType.valueOf(detection.stringValue().toUpperCase())).isNotNull();
        }
    }
}
