package org.bianmin.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bianmin.devices.application.DeviceRules;
import org.bianmin.devices.application.EventParser;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.devices.model.DeviceType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Device events in process: validation against the published JSON Schemas and normalization plus the alarm rules, beside the floor of parsing the
 * same JSON alone. Throughput on 2 threads (the machine's 2 cores). Deduplication is a DynamoDB conditional write
 * (stateless functions share it) and is measured with the store, not here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(2)
public class DeviceEventBenchmark {

    private static final List<String> PAYLOADS = List.of(
            "{\"deviceId\":\"EF-0001\",\"timestamp\":\"2026-11-21T08:00:00+08:00\",\"readings\":{\"residualCurrentMa\":350,\"cableTemperatureC\":52}}",
            "{\"deviceId\":\"SD-0001\",\"timestamp\":\"2026-11-21T08:00:01+08:00\",\"readings\":{\"smoke\":0}}",
            "{\"deviceId\":\"CAM-0001\",\"timestamp\":\"2026-11-21T08:00:02+08:00\",\"detection\":\"street_vendor\",\"confidence\":0.87,\"snapshotUrl\":\"https://snapshots.example/cam-0001/1.jpg\"}",
            "{\"deviceId\":\"WL-0001\",\"timestamp\":\"2026-11-21T08:00:03+08:00\",\"readings\":{\"waterLevelCm\":12.5}}");
    private static final List<DeviceType> TYPES = List.of(DeviceType.ELECTRICAL_FIRE_MONITOR, DeviceType.SMOKE_DETECTOR,
            DeviceType.CAMERA, DeviceType.WATER_LEVEL);

    private static final java.time.Instant ARRIVAL = java.time.Instant.parse("2026-11-21T00:00:05Z");

    private final EventParser parser = new EventParser();
    private final JsonMapper json = JsonMapper.builder().build();
    private DeviceRules rules;
    private int next;

    @Setup
    public void setUp() {
        rules = DeviceRulesForBenchmark.load();
    }

    @Benchmark
    public Optional<AlarmType> normalizeAndRules() {
        int i = (next++ & Integer.MAX_VALUE) % PAYLOADS.size();
        EventParser.Parsed parsed = parser.parse(PAYLOADS.get(i), ARRIVAL);
        return rules.evaluate(TYPES.get(i), parsed.event());
    }

    @Benchmark
    public JsonNode floorJsonParseOnly() {
        return json.readTree(PAYLOADS.get((next++ & Integer.MAX_VALUE) % PAYLOADS.size()));
    }

    /** The shipped rules, with every leaf accepted (the benchmark does not load the taxonomy). */
    static final class DeviceRulesForBenchmark {
        static DeviceRules load() {
            return DeviceRules.loadDefault(code -> true);
        }
    }
}
