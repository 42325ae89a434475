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
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.Paging;
import org.bianmin.http.RequestBodies;
import org.bianmin.devices.application.ActingOnAlarm;
import org.bianmin.devices.application.AlarmStore;
import org.bianmin.devices.application.DeadLetters;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.devices.application.DeviceRegistry;
import org.bianmin.devices.application.ProcessingDeviceEvent;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.devices.model.Device;
import org.bianmin.devices.model.DeviceType;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.platform.Coordinates;
import org.bianmin.store.InvalidCursorException;
import org.bianmin.store.Page;
import tools.jackson.databind.JsonNode;

/**
 * Device HTTP routes: register one device, bulk import, HTTP ingestion for gateways that cannot speak MQTT (the same
 * processing as the MQTT bridge and the IoT Core queue), alarms by status (paged: {@code limit}, default
 * {@value #DEFAULT_ALARM_LIMIT}, at most {@value #MAX_ALARM_LIMIT}, and {@code cursor}; {@code type} and {@code grid}
 * filter the index query), and the dead-letter count.
 */
public final class DeviceRoutes implements HttpRouteGroup {

    static final int MAX_IMPORT = 5000;
    static final int DEFAULT_ALARM_LIMIT = 50;
    static final int MAX_ALARM_LIMIT = 200;
    /** Who watches and acts on alarms: device administrators and the 12345 dispatch centre. */
    private static final Access ALARM_WATCHERS = Access.staffWithRole(Access.DEVICE_ADMIN_ROLE, Access.DISPATCH_ROLE);

    private final DeviceRegistry devices;
    private final AlarmStore alarms;
    private final DeadLetters deadLetters;
    private final ProcessingDeviceEvent processing;
    private final ActingOnAlarm actingOnAlarm;
    private final DeviceCredentials credentials;

    public DeviceRoutes(DeviceRegistry devices, AlarmStore alarms, DeadLetters deadLetters, ProcessingDeviceEvent processing,
                        DeviceCredentials credentials) {
        this.credentials = credentials;
        this.devices = devices;
        this.alarms = alarms;
        this.deadLetters = deadLetters;
        this.processing = processing;
        this.actingOnAlarm = new ActingOnAlarm(alarms, devices);
    }

    @Override
    public List<HttpRoute> routes() {
        return List.of(
                HttpRoute.of("POST", "/v1/devices", Access.staffWithRole(Access.DEVICE_ADMIN_ROLE), request -> {
                    Device device = RequestBodies.bind(request, DeviceBody.class).toDevice();
                    devices.save(device);
                    return HttpResponse.json(201, Map.of("deviceId", device.deviceId(), "type", device.type()));
                }).answering(201, 400),
                HttpRoute.of("POST", "/v1/devices/import", Access.staffWithRole(Access.DEVICE_ADMIN_ROLE), this::importDevices)
                        .answering(200, 400),
                HttpRoute.of("POST", "/v1/devices/events", Access.device(), this::ingest).answering(202, 400, 401, 403),
                HttpRoute.of("GET", "/v1/alarms", ALARM_WATCHERS, this::listAlarms).answering(200, 400)
                        .reading("status", "type", "grid", "limit", "cursor"),
                HttpRoute.of("GET", "/v1/devices/dead-letters", ALARM_WATCHERS, request ->
                        HttpResponse.json(200, Map.of("count", deadLetters.count()))),
                HttpRoute.of("POST", "/v1/staff/alarms/{deviceId}/{type}/actions", ALARM_WATCHERS, this::act)
                        .answering(200, 400, 404, 409));
    }

    /**
     * Staff act on an alarm: {@code acknowledge}, {@code resolve} or {@code false_positive} (counted against the
     * device, for tuning its thresholds). Needs a device administrator's or the dispatch centre's token.
     */
    private HttpResponse act(HttpRequest request) {
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

    /**
     * A device posts its own events with the credentials it uses for MQTT ({@code Authorization: Basic id:password});
     * an event naming another device is refused before anything is processed.
     */
    private HttpResponse ingest(HttpRequest request) {
        String sender = credentials.deviceOf(request.header("authorization").orElse(null)).orElseThrow(() ->
                new ApiException(401, "UNAUTHENTICATED", "设备认证失败：请用设备编号和设备密码（与 MQTT 相同）进行 Basic 认证。"));
        ProcessingDeviceEvent.Result result = processing.processFrom(sender, "http", request.body());
        if (result.outcome() == ProcessingDeviceEvent.Outcome.REFUSED) {
            throw new ApiException(403, "NOT_YOUR_DEVICE", "设备只能上报自己的事件。");
        }
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
        AlarmType type = null;
        if (request.queryParameter("type").isPresent()) {
            try {
                type = AlarmType.valueOf(request.queryParameter("type").get());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_TYPE", "type 不是有效的告警类型。");
            }
        }
        Paging paging = Paging.of(request, DEFAULT_ALARM_LIMIT, MAX_ALARM_LIMIT);
        Page<Alarm> page;
        try {
            page = alarms.byStatus(parsed, type, request.queryParameter("grid").orElse(null), paging.limit(), paging.cursor());
        } catch (InvalidCursorException e) {
            throw Paging.invalidCursor();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alarms", page.items());
        body.put("count", page.items().size());
        body.put("nextCursor", page.nextCursor());
        return HttpResponse.json(200, body);
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
