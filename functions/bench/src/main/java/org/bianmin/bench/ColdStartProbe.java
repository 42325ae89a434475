package org.bianmin.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Runs in a fresh JVM on the Lambda deployment jar: one API Gateway HTTP API event through the real handler
 * (Spring Cloud Function's FunctionInvoker with the inquiryApi function), then prints the response's first bytes.
 * {@link ColdStartBenchmark} times it from process start to that line.
 */
public final class ColdStartProbe {

    static final String EVENT = """
            {"version":"2.0","routeKey":"POST /v1/inquiries","rawPath":"/v1/inquiries","rawQueryString":"",
             "headers":{"content-type":"application/json"},
             "requestContext":{"accountId":"123456789012","apiId":"bench","http":{"method":"POST","path":"/v1/inquiries",
               "protocol":"HTTP/1.1","sourceIp":"203.0.113.9","userAgent":"bench"},"requestId":"cold-start",
               "routeKey":"POST /v1/inquiries","stage":"$default","time":"21/Nov/2026:06:00:00 +0000","timeEpoch":1795413600000},
             "body":"{\\"text\\":\\"居住证怎么申请\\"}","isBase64Encoded":false}""";

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        FunctionInvoker handler = new FunctionInvoker();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, null);
        String response = out.toString(StandardCharsets.UTF_8);
        int status = response.contains("\"statusCode\":200") ? 200 : -1;
        System.out.println("ANSWERED " + status + " " + response.length() + " bytes");
        System.exit(0);
    }
}
