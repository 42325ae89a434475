package org.bianmin.hotline.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.FormEncoding;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.Json;
import org.bianmin.http.Paging;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.hotline.InvalidIntakeCommandException;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.IntakeReceipt;
import org.bianmin.hotline.application.TicketStore;
import org.bianmin.hotline.model.PublicRedactor;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.Leaf;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.store.InvalidCursorException;
import org.bianmin.store.Page;

/**
 * Open311 GeoReport v2 (JSON) over the same intake and tickets, so existing Open311 clients work unchanged:
 * discovery, services (one per taxonomy leaf; the service code is the leaf code), service definitions, posting a
 * request (form-encoded, as the specification says), and reading requests. Errors use the specification's shape,
 * {@code [{"code":400,"description":"..."}]}. This jurisdiction requires {@code phone} (for the return visit) and
 * a {@code description} of 5-5000 characters. The public listing and {@code requests/{id}.json} show the same view:
 * descriptions and notes through {@link PublicRedactor#text}, the address cut to the street or compound by
 * {@link PublicRedactor#address}, coordinates to about 100 m, and never the phone number. The listing is paged
 * ({@code limit}, default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}; {@code cursor}): the body stays the
 * specification's array and the next page is announced by {@code Link: <...>; rel="next"} and {@code x-next-cursor}.
 */
public final class Open311Api implements HttpRouteGroup {

    static final String BASE = "/open311/v2";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** The most service codes one listing may name (one index query each). */
    static final int MAX_SERVICE_CODES = 20;

    private final Taxonomy taxonomy;
    private final FilingRequest filing;
    private final TicketStore tickets;

    public Open311Api(Taxonomy taxonomy, FilingRequest filing, TicketStore tickets) {
        this.taxonomy = taxonomy;
        this.filing = filing;
        this.tickets = tickets;
    }

    @Override
    public List<HttpRoute> routes() {
        return List.of(
                HttpRoute.of("GET", BASE + "/discovery.json", Access.anyone(), this::discovery),
                HttpRoute.of("GET", BASE + "/services.json", Access.anyone(), request -> json(200, taxonomy.leaves().stream().map(Open311Api::service).toList())),
                HttpRoute.of("GET", BASE + "/services/{service_code}.json", Access.anyone(), this::serviceDefinition),
                HttpRoute.of("POST", BASE + "/requests.json", Access.anyone(), this::postRequest),
                HttpRoute.of("GET", BASE + "/requests.json", Access.anyone(), this::listRequests),
                HttpRoute.of("GET", BASE + "/requests/{service_request_id}.json", Access.anyone(), this::getRequest));
    }

    private HttpResponse discovery(HttpRequest request) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", BASE);
        endpoint.put("changeset", taxonomy.version());
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", taxonomy.version());
        discovery.put("contact", "12345 市民服务热线");
        discovery.put("key_service", "无需 API key");
        discovery.put("endpoints", List.of(endpoint));
        return json(200, discovery);
    }

    private static Map<String, Object> service(Leaf leaf) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", leaf.code());
        service.put("service_name", leaf.name());
        service.put("description", leaf.description());
        service.put("metadata", false);
        service.put("type", "realtime");
        service.put("keywords", String.join(",", leaf.keywords()));
        service.put("group", leaf.domain().label() + "/" + leaf.categoryName());
        return service;
    }

    private HttpResponse serviceDefinition(HttpRequest request) {
        String code = request.pathParameter("service_code");
        if (taxonomy.leaf(code).isEmpty()) {
            return error(404, "service_code " + code + " 不存在");
        }
        return json(200, Map.of("service_code", code, "attributes", List.of()));
    }

    private HttpResponse postRequest(HttpRequest request) {
        if (!request.header("content-type").orElse("").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return error(400, "请求体必须是 application/x-www-form-urlencoded（GeoReport v2）");
        }
        Map<String, String> form;
        try {
            form = FormEncoding.decode(request.body());
        } catch (ApiException e) {
            return error(400, e.getMessage());
        }
        String code = form.get("service_code");
        if (code == null || code.isBlank()) {
            return error(400, "service_code 必填");
        }
        Optional<Leaf> leaf = taxonomy.leaf(code);
        if (leaf.isEmpty()) {
            return error(404, "service_code " + code + " 不存在");
        }
        Double lat;
        Double lon;
        try {
            lat = form.containsKey("lat") ? Double.valueOf(form.get("lat")) : null;
            lon = form.containsKey("long") ? Double.valueOf(form.get("long")) : null;
        } catch (NumberFormatException e) {
            return error(400, "lat/long 必须是数字");
        }
        IntakeCommand command;
        try {
            command = new IntakeCommand(form.getOrDefault("description", ""), form.get("phone"),
                    form.get("address_string"), null, lat, lon, "open311", null, leaf.get().code());
        } catch (InvalidIntakeCommandException e) {
            return error(400, switch (e.code()) {
                case "TEXT_REQUIRED", "TEXT_LENGTH" -> "description 应为" + IntakeCommand.MIN_TEXT + "到" + IntakeCommand.MAX_TEXT + "个字";
                case "PHONE_REQUIRED", "INVALID_PHONE" -> "phone 必填，且须为有效的手机号或带区号的固定电话（用于回访）";
                default -> e.getMessage();
            });
        }
        if (command.lat() == null && command.address() == null) {
            return error(400, "须提供位置：lat/long 或 address_string");
        }
        IntakeReceipt receipt = filing.file(HotlineIntakeService.newRequest(command), leaf.get());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", receipt.trackingNumber());
        created.put("service_notice", "已受理，查询码：" + receipt.verificationCode() + "，预计办结时间 " + receipt.dueAt());
        created.put("account_id", null);
        return json(201, List.of(created));
    }

    private HttpResponse listRequests(HttpRequest request) {
        Optional<String> ids = request.queryParameter("service_request_id");
        List<Ticket> found = new ArrayList<>();
        if (ids.isPresent()) {
            for (String id : ids.get().split(",")) {
                tickets.find(id.strip()).ifPresent(found::add);
            }
            return json(200, found.stream().map(this::publicView).toList());
        }
        Instant end;
        Instant start;
        try {
            end = request.queryParameter("end_date").map(d -> OffsetDateTime.parse(d).toInstant()).orElse(Instant.now());
            start = request.queryParameter("start_date").map(d -> OffsetDateTime.parse(d).toInstant())
                    .orElse(end.minus(java.time.Duration.ofDays(90)));
        } catch (DateTimeParseException e) {
            return error(400, "start_date/end_date 须为 W3C 格式，如 2026-11-01T00:00:00+08:00");
        }
        Optional<String> status = request.queryParameter("status");
        if (status.isPresent() && !status.get().equals("open") && !status.get().equals("closed")) {
            return error(400, "status 只能是 open 或 closed");
        }
        List<String> codes = request.queryParameter("service_code").map(c -> List.of(c.split(","))).orElse(List.of())
                .stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (codes.size() > MAX_SERVICE_CODES) {
            return error(400, "service_code 最多" + MAX_SERVICE_CODES + "个");
        }
        Paging paging;
        try {
            paging = Paging.of(request, DEFAULT_LIMIT, MAX_LIMIT);
        } catch (ApiException e) {
            return error(400, e.getMessage());
        }
        Page<Ticket> page;
        try {
            page = tickets.created(start, end, codes, status.map("open"::equals).orElse(null), paging.limit(), paging.cursor());
        } catch (InvalidCursorException e) {
            return error(400, Paging.invalidCursor().getMessage());
        }
        HttpResponse listed = json(200, page.items().stream().map(this::publicView).toList());
        if (page.nextCursor() == null) {
            return listed;
        }
        // GeoReport v2 answers a bare array, so the next page is announced in headers (RFC 8288 Link, and plainly)
        Map<String, String> headers = new HashMap<>(listed.headers());
        headers.put("x-next-cursor", page.nextCursor());
        headers.put("link", "<" + BASE + "/requests.json?" + nextQuery(request, page.nextCursor()) + ">; rel=\"next\"");
        return new HttpResponse(200, headers, listed.body());
    }

    /** The query of the next page: the same parameters with the new cursor. */
    private static String nextQuery(HttpRequest request, String cursor) {
        Map<String, String> parameters = new java.util.TreeMap<>(request.query());
        parameters.put("cursor", cursor);
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private HttpResponse getRequest(HttpRequest request) {
        return tickets.find(request.pathParameter("service_request_id"))
                .map(t -> json(200, List.of(publicView(t))))
                .orElseGet(() -> error(404, "service_request_id 不存在"));
    }

    private Map<String, Object> publicView(Ticket ticket) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_request_id", ticket.trackingNumber());
        view.put("status", openOrClosed(ticket));
        TicketEvent last = ticket.events().get(ticket.events().size() - 1);
        view.put("status_notes", PublicRedactor.text(last.note()));
        view.put("service_name", ticket.category());
        view.put("service_code", ticket.categoryCode());
        view.put("description", PublicRedactor.text(ticket.text()));
        view.put("agency_responsible", ticket.department());
        view.put("service_notice", null);
        view.put("requested_datetime", W3C.format(ticket.createdAt()));
        view.put("updated_datetime", W3C.format(last.at()));
        view.put("expected_datetime", W3C.format(ticket.dueAt()));
        view.put("address", ticket.location() == null ? null : PublicRedactor.address(ticket.location().address()));
        view.put("address_id", null);
        view.put("zipcode", null);
        view.put("lat", ticket.location() == null ? null : coarse(ticket.location().lat()));
        view.put("long", ticket.location() == null ? null : coarse(ticket.location().lon()));
        view.put("media_url", null);
        return view;
    }

    private static String openOrClosed(Ticket ticket) {
        return ticket.status().isOpen() ? "open" : "closed";
    }

    /** Three decimals (about 100 m): enough to find the street, not the door. */
    private static Double coarse(Double degrees) {
        return degrees == null ? null : Math.round(degrees * 1000) / 1000.0;
    }

    private static HttpResponse json(int status, Object body) {
        return HttpResponse.json(status, body);
    }

    private static HttpResponse error(int code, String description) {
        return HttpResponse.json(code, List.of(Map.of("code", code, "description", description)));
    }
}
