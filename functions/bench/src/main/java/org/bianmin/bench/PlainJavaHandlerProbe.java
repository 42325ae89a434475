package org.bianmin.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor for the cold-start measurement: a plain Java stream handler (no Spring, no index, no DynamoDB) that
 * parses the same API Gateway event with Jackson and writes a fixed JSON response.
 */
public final class PlainJavaHandlerProbe {

    private PlainJavaHandlerProbe() {
    }

    static void handle(InputStream input, OutputStream output) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode event = json.readTree(input);
        String path = event.get("rawPath").stringValue();
        output.write(("{\"statusCode\":200,\"body\":\"{\\\"path\\\":\\\"" + path + "\\\"}\"}").getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handle(new ByteArrayInputStream(ColdStartProbe.EVENT.getBytes(StandardCharsets.UTF_8)), out);
        System.out.println("ANSWERED " + out.toString(StandardCharsets.UTF_8));
        System.exit(0);
    }
}
