package org.bianmin.devices.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.RequestBodies;
import org.bianmin.devices.application.ActingOnAlarm;
import org.bianmin.devices.application.AlarmStore;
import org.bianmin.devices.application.DeadLetters;
import org.bianmin.devices.application.DeviceRegistry;
import org.bianmin.devices.application.ProcessingDeviceEvent;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.devices.model.Device;
import org.bianmin.devices.model.DeviceType;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.platform.Coordinates;
import tools.jackson.databind.JsonNode;

/**
 * Device HTTP routes: register one device, bulk import, HTTP ingestion for gateways that cannot speak MQTT (the same
 * processing as the MQTT bridge and the IoT Core queue), alarms by status, and the dead-letter count.
 */
public final class DeviceRoutes implements HttpRouteGroup {

    static final int MAX_IMPORT = 5000;

    private final DeviceRegistry devices;
    private final AlarmStore alarms;
    private final DeadLetters deadLetters;
    private final ProcessingDeviceEvent processing;
    private final ActingOnAlarm actingOnAlarm;

    public DeviceRoutes(DeviceRegistry devices, AlarmStore alarms, DeadLetters deadLetters, ProcessingDeviceEvent processing) {
        this.devices = devices;
        this.alarms = alarms;
        this.deadLetters = deadLetters;
        this.processing = processing;
        this.actingOnAlarm = new ActingOnAlarm(alarms, devices);
    }

    @Override
    public List<HttpRoute> routes() {
        return List.of(
                HttpRoute.of("POST", "/v1/devices", request -> {
                    Device device = RequestBodies.bind(request, DeviceBody.class).toDevice();
                    devices.save(device);
                    return HttpResponse.json(201, Map.of("deviceId", device.deviceId(), "type", device.type()));
                }),
                HttpRoute.of("POST", "/v1/devices/import", this::importDevices),
                HttpRoute.of("POST", "/v1/devices/events", this::ingest),
                HttpRoute.of("GET", "/v1/alarms", this::listAlarms),
                HttpRoute.of("GET", "/v1/devices/dead-letters", request ->
                        HttpResponse.json(200, Map.of("count", deadLetters.count()))),
                HttpRoute.of("POST", "/v1/staff/alarms/{deviceId}/{type}/actions", this::act));
    }

    /**
     * Staff act on an alarm: {@code acknowledge}, {@code resolve} or {@code false_positive} (counted against the
     * device, for tuning its thresholds). Needs a staff token.
     */
    private HttpResponse act(HttpRequest request) {
        request.claim("sub").orElseThrow(() -> new ApiException(401, "UNAUTHENTICATED", "请先登录（需要有效的工作人员令牌）。"));
        String action = String.valueOf(RequestBodies.bind(request, AlarmActionBody.class).action());
        try {
            return HttpResponse.json(200, actingOnAlarm.act(request.pathParameter("deviceId"), request.pathParameter("type"), action));
        } catch (ActingOnAlarm.AlarmActionRefusedException e) {
            throw switch (e.refusal()) {
                case NO_SUCH_ALARM -> new ApiException(404, "NOT_FOUND", "没有这个告警。");
                case UNKNOWN_ACTION -> ApiException.badRequest("INVALID_ACTION", "action 只能是 acknowledge、resolve 或 false_positive。");
                case ALARM_CLOSED -> new ApiException(409, "ALARM_CLOSED", "该告警已关闭。");
            };
        }
    }

    private HttpResponse importDevices(HttpRequest request) {
        List<JsonNode> elements = RequestBodies.array(request, 1, MAX_IMPORT,
                "INVALID_IMPORT", "请求体须为1到" + MAX_IMPORT + "台设备的 JSON 数组。");
        List<Device> parsed = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String where = "第" + (i + 1) + "台设备：";
            if (!elements.get(i).isObject()) {
                throw ApiException.badRequest("INVALID_DEVICE", where + "不是 JSON 对象。");
            }
            try {
                parsed.add(RequestBodies.bind(elements.get(i), DeviceBody.class).toDevice());
            } catch (ApiException e) {
                throw ApiException.badRequest("INVALID_DEVICE", where + e.getMessage());
            }
        }
        parsed.forEach(devices::save);
        return HttpResponse.json(200, Map.of("imported", parsed.size()));
    }

    private HttpResponse ingest(HttpRequest request) {
        ProcessingDeviceEvent.Result result = processing.process("http", request.body());
        if (result.outcome() == ProcessingDeviceEvent.Outcome.DEAD_LETTER) {
            throw ApiException.badRequest("REJECTED_EVENT", "设备事件无法处理（已记入死信）：" + result.reason());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", result.outcome());
        body.put("alarm", result.alarm());
        return HttpResponse.json(202, body);
    }

    private HttpResponse listAlarms(HttpRequest request) {
        String status = request.queryParameter("status").orElse("OPEN");
        Alarm.AlarmStatus parsed;
        try {
            parsed = Alarm.AlarmStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_STATUS", "status 只能是 OPEN、ACKNOWLEDGED、RESOLVED 或 FALSE_POSITIVE。");
        }
        List<Alarm> found = alarms.byStatus(parsed, 200).stream()
                .filter(a -> request.queryParameter("type").map(t -> a.type().name().equals(t)).orElse(true))
                .filter(a -> request.queryParameter("grid").map(g -> g.equals(a.grid())).orElse(true))
                .toList();
        return HttpResponse.json(200, Map.of("alarms", found, "count", found.size()));
    }

    /** One device to register: the body of {@code POST /v1/devices} and each element of an import. */
    record DeviceBody(
            @NotNull(message = ID) @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}", message = ID)
            String deviceId,
            String type,
            @Size(max = 50, message = "INVALID_DEVICE:district 不能超过{max}字。")
            String district,
            @Size(max = 200, message = "INVALID_DEVICE:address 不能超过{max}字。")
            String address,
            @Size(max = 50, message = "INVALID_DEVICE:community 不能超过{max}字。")
            String community,
            Double lat,
            Double lon,
            @NotBlank(message = CONTACT) @Size(max = 50, message = CONTACT)
            String owner,
            String ownerPhone) {

        private static final String ID = "INVALID_DEVICE:deviceId 必填（1-64位字母、数字或 _.:-）。";
        private static final String CONTACT = "INVALID_DEVICE:owner 和有效的 ownerPhone 必填（设备告警工单的联系人）。";

        @AssertTrue(message = "INVALID_DEVICE:type 只能是 smoke_detector、electrical_fire_monitor、water_level、manhole_cover、garbage_bin 或 camera。")
        boolean isKnownType() {
            return DeviceType.parse(type).isPresent();
        }

        @AssertTrue(message = CONTACT)
        boolean isOwnerPhoneValid() {
            return IntakeCommand.isValidPhone(ownerPhone);
        }

        @AssertTrue(message = "INVALID_DEVICE:lat/lon 须同时提供且在有效范围内。")
        boolean isPlaceInRange() {
            return Coordinates.check(lat, lon) == Coordinates.Problem.NONE;
        }

        @AssertTrue(message = "INVALID_DEVICE:须提供位置：address、community 或 lat/lon。")
        boolean isLocated() {
            return lat != null || address != null && !address.isBlank() || community != null && !community.isBlank();
        }

        Device toDevice() {
            return new Device(deviceId, DeviceType.parse(type).orElseThrow(), district, address, community, lat, lon,
                    owner.strip(), ownerPhone.strip());
        }
    }

    /** The body of a staff action on an alarm. */
    record AlarmActionBody(String action) {
    }
}
