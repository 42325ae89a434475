package org.bianmin.devices.application;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas of device payloads (docs/schemas, shipped in the jar under {@code devices/schemas/}),
 * applied by a maintained validator (networknt json-schema-validator, draft 2020-12) with format assertions on,
 * so {@code date-time} and {@code uri} are checked, not only annotated. The documents the devices' makers read are
 * the rules the function applies: there is no second copy of them in code.
 */
final class PayloadSchemas {

    static final String SENSOR = "sensor-event.schema.json";
    static final String CAMERA = "camera-detection.schema.json";

    /** Loaded once per process: compiling the schemas is the expensive part. */
    private static final class Loaded {
        static final PayloadSchemas INSTANCE = new PayloadSchemas();
    }

    private final Schema sensor;
    private final Schema camera;

    private PayloadSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        this.sensor = load(registry, SENSOR);
        this.camera = load(registry, CAMERA);
    }

    static PayloadSchemas get() {
        return Loaded.INSTANCE;
    }

    /** A payload with a {@code detection} is a camera's; anything else (readings, heartbeats) a sensor's. */
    List<Error> validate(JsonNode payload) {
        return (payload.has("detection") ? camera : sensor).validate(payload);
    }

    private static Schema load(SchemaRegistry registry, String name) {
        String resource = "devices/schemas/" + name;
        try (InputStream in = PayloadSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
