package org.bianmin.hotline.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.FormEncoding;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.Paging;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.HistoricalRequest;
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
 * Open311 GeoReport v2 over the same intake and tickets, so existing Open311 clients work unchanged: discovery,
 * services (one per taxonomy leaf; the service code is the leaf code), service definitions, posting a request
 * (form-encoded, as the specification says), and reading requests. Every resource is served in both formats the
 * specification names by the extension: {@code .xml} (the one it requires, {@code text/xml}) and {@code .json}.
 * Errors use the specification's shape, {@code [{"code":400,"description":"..."}]} or
 * {@code <errors><error>...</error></errors>}.
 *
 * <p>The discovery document's endpoint {@code url} is absolute: the configured base URL
 * ({@code bianmin.open311.base-url}) when set, otherwise the scheme and host the request came in on
 * ({@code x-forwarded-proto}, {@code x-forwarded-host} or {@code host}), which API Gateway sets itself.
 *
 * <p>{@code phone} is optional, as in the specification, and checked when given. A request without one is filed
 * with {@link HistoricalRequest#NO_CONTACT} (no return visit is possible; the citizen follows it with the tracking
 * number and code from {@code service_notice}). {@code description} must be 5-5000 characters. The public listing
 * and {@code requests/{id}} show the same view: descriptions and notes through {@link PublicRedactor#text}, the
 * address cut to the street or compound by {@link PublicRedactor#address}, coordinates to about 100 m, and never
 * the phone number. The listing is paged ({@code limit}, default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}; {@code cursor}): the body stays the specification's list and the next page is announced by
 * {@code Link: <...>; rel="next"} and {@code x-next-cursor}.
 */
public final class Open311Api implements HttpRouteGroup {

    static final String BASE = "/open311/v2";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(WorkingCalendar.ZONE);
    /** A host header as a browser or API Gateway sends it: a name or address, optionally a port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:\\d{1,5})?");
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** The most service codes one listing may name (one index query each). */
    static final int MAX_SERVICE_CODES = 20;

    private final Taxonomy taxonomy;
    private final FilingRequest filing;
    private final TicketStore tickets;
    private final String baseUrl;

    /** {@code baseUrl}: the public address of the API (such as {@code https://api.example.gov.cn}), or blank. */
    public Open311Api(Taxonomy taxonomy, FilingRequest filing, TicketStore tickets, String baseUrl) {
        this.taxonomy = taxonomy;
        this.filing = filing;
        this.tickets = tickets;
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    }

    @Override
    public List<HttpRoute> routes() {
        List<HttpRoute> routes = new ArrayList<>();
        for (Open311Format format : Open311Format.values()) {
            String ext = "." + format.extension();
            routes.add(HttpRoute.of("GET", BASE + "/discovery" + ext, Access.anyone(),
                    request -> format.render(200, "discovery", discovery(request))));
            routes.add(HttpRoute.of("GET", BASE + "/services" + ext, Access.anyone(),
                    request -> format.render(200, "services", taxonomy.leaves().stream().map(Open311Api::service).toList())));
            routes.add(HttpRoute.of("GET", BASE + "/services/{service_code}" + ext, Access.anyone(),
                    request -> serviceDefinition(request, format)).answering(200, 404));
            routes.add(HttpRoute.of("POST", BASE + "/requests" + ext, Access.anyone(),
                    request -> postRequest(request, format)).answering(201, 400, 404));
            routes.add(HttpRoute.of("GET", BASE + "/requests" + ext, Access.anyone(), request -> listRequests(request, format))
                    .answering(200, 400).reading("service_request_id", "service_code", "start_date", "end_date", "status", "limit", "cursor"));
            routes.add(HttpRoute.of("GET", BASE + "/requests/{service_request_id}" + ext, Access.anyone(),
                    request -> getRequest(request, format)).answering(200, 404));
        }
        return List.copyOf(routes);
    }

    private Map<String, Object> discovery(HttpRequest request) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", publicBase(request) + BASE);
        endpoint.put("changeset", taxonomy.version());
        endpoint.put("type", "production");
        endpoint.put("formats", Arrays.stream(Open311Format.values()).map(Open311Format::mediaType).toList());
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", taxonomy.version());
        discovery.put("contact", "12345 市民服务热线");
        discovery.put("key_service", "无需 API key");
        discovery.put("endpoints", List.of(endpoint));
        return discovery;
    }

    /**
     * Scheme and host of the public API: the configured base URL, else what the request came in on. A host that is
     * not a plain name or address is not echoed back (the URL is then relative, as before).
     */
    String publicBase(HttpRequest request) {
        if (!baseUrl.isEmpty()) {
            return baseUrl;
        }
        String host = request.header("x-forwarded-host").or(() -> request.header("host"))
                .map(h -> h.split(",")[0].strip()).orElse("");
        if (!HOST.matcher(host).matches()) {
            return "";
        }
        String scheme = request.header("x-forwarded-proto").map(p -> p.split(",")[0].strip().toLowerCase(Locale.ROOT))
                .filter(p -> p.equals("http") || p.equals("https")).orElse("http");
        return scheme + "://" + host;
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

    private HttpResponse serviceDefinition(HttpRequest request, Open311Format format) {
        String code = request.pathParameter("service_code");
        if (taxonomy.leaf(code).isEmpty()) {
            return format.error(404, "service_code " + code + " 不存在");
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", code);
        definition.put("attributes", List.of());
        return format.render(200, "service_definition", definition);
    }

    private HttpResponse postRequest(HttpRequest request, Open311Format format) {
        if (!request.header("content-type").orElse("").toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return format.error(400, "请求体必须是 application/x-www-form-urlencoded（GeoReport v2）");
        }
        Map<String, String> form;
        try {
            form = FormEncoding.decode(request.body());
        } catch (ApiException e) {
            return format.error(400, e.getMessage());
        }
        String code = form.get("service_code");
        if (code == null || code.isBlank()) {
            return format.error(400, "service_code 必填");
        }
        Optional<Leaf> leaf = taxonomy.leaf(code);
        if (leaf.isEmpty()) {
            return format.error(404, "service_code " + code + " 不存在");
        }
        Double lat;
        Double lon;
        try {
            lat = form.containsKey("lat") ? Double.valueOf(form.get("lat")) : null;
            lon = form.containsKey("long") ? Double.valueOf(form.get("long")) : null;
        } catch (NumberFormatException e) {
            return format.error(400, "lat/long 必须是数字");
        }
        String phone = Optional.ofNullable(form.get("phone")).filter(p -> !p.isBlank()).orElse(null);
        IntakeCommand command;
        try {
            command = new IntakeCommand(form.getOrDefault("description", ""), phone == null ? HistoricalRequest.NO_CONTACT : phone,
                    form.get("address_string"), null, lat, lon, "open311", null, leaf.get().code());
        } catch (InvalidIntakeCommandException e) {
            return format.error(400, switch (e.code()) {
                case "TEXT_REQUIRED", "TEXT_LENGTH" -> "description 应为" + IntakeCommand.MIN_TEXT + "到" + IntakeCommand.MAX_TEXT + "个字";
                case "INVALID_PHONE" -> "phone 须为有效的手机号或带区号的固定电话（可不填）";
                default -> e.getMessage();
            });
        }
        if (command.lat() == null && command.address() == null) {
            return format.error(400, "须提供位置：lat/long 或 address_string");
        }
        IntakeReceipt receipt = filing.file(HotlineIntakeService.newRequest(command), leaf.get());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", receipt.trackingNumber());
        created.put("service_notice", (phone == null ? "已受理（未留联系电话，无法回访）" : "已受理")
                + "，查询码：" + receipt.verificationCode() + "，预计办结时间 " + receipt.dueAt());
        created.put("account_id", null);
        return format.render(201, "service_requests", List.of(created));
    }

    private HttpResponse listRequests(HttpRequest request, Open311Format format) {
        Optional<String> ids = request.queryParameter("service_request_id");
        List<Ticket> found = new ArrayList<>();
        if (ids.isPresent()) {
            for (String id : ids.get().split(",")) {
                tickets.find(id.strip()).ifPresent(found::add);
            }
            return format.render(200, "service_requests", found.stream().map(this::publicView).toList());
        }
        Instant end;
        Instant start;
        try {
            end = request.queryParameter("end_date").map(d -> OffsetDateTime.parse(d).toInstant()).orElse(Instant.now());
            start = request.queryParameter("start_date").map(d -> OffsetDateTime.parse(d).toInstant())
                    .orElse(end.minus(java.time.Duration.ofDays(90)));
        } catch (DateTimeParseException e) {
            return format.error(400, "start_date/end_date 须为 W3C 格式，如 2026-11-01T00:00:00+08:00");
        }
        Optional<String> status = request.queryParameter("status");
        if (status.isPresent() && !status.get().equals("open") && !status.get().equals("closed")) {
            return format.error(400, "status 只能是 open 或 closed");
        }
        List<String> codes = request.queryParameter("service_code").map(c -> List.of(c.split(","))).orElse(List.of())
                .stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (codes.size() > MAX_SERVICE_CODES) {
            return format.error(400, "service_code 最多" + MAX_SERVICE_CODES + "个");
        }
        Paging paging;
        try {
            paging = Paging.of(request, DEFAULT_LIMIT, MAX_LIMIT);
        } catch (ApiException e) {
            return format.error(400, e.getMessage());
        }
        Page<Ticket> page;
        try {
            page = tickets.created(start, end, codes, status.map("open"::equals).orElse(null), paging.limit(), paging.cursor());
        } catch (InvalidCursorException e) {
            return format.error(400, Paging.invalidCursor().getMessage());
        }
        HttpResponse listed = format.render(200, "service_requests", page.items().stream().map(this::publicView).toList());
        if (page.nextCursor() == null) {
            return listed;
        }
        // GeoReport v2 answers a bare list, so the next page is announced in headers (RFC 8288 Link, and plainly)
        Map<String, String> headers = new HashMap<>(listed.headers());
        headers.put("x-next-cursor", page.nextCursor());
        headers.put("link", "<" + BASE + "/requests." + format.extension() + "?" + nextQuery(request, start, end, page.nextCursor())
                + ">; rel=\"next\"");
        return new HttpResponse(200, headers, listed.body());
    }

    /**
     * The query of the next page: the same parameters with the new cursor, and the date range this page used. The
     * defaults move with the clock ("now"), and the cursor belongs to one exact range, so the link pins them.
     */
    private static String nextQuery(HttpRequest request, Instant start, Instant end, String cursor) {
        Map<String, String> parameters = new java.util.TreeMap<>(request.query());
        parameters.putIfAbsent("start_date", W3C.format(start));
        parameters.putIfAbsent("end_date", W3C.format(end));
        parameters.put("cursor", cursor);
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private HttpResponse getRequest(HttpRequest request, Open311Format format) {
        return tickets.find(request.pathParameter("service_request_id"))
                .map(t -> format.render(200, "service_requests", List.of(publicView(t))))
                .orElseGet(() -> format.error(404, "service_request_id 不存在"));
    }

    private Map<String, Object> publicView(Ticket ticket) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_request_id", ticket.trackingNumber());
        view.put("status", openOrClosed(ticket));
        TicketEvent last = ticket.events().get(ticket.events().size() - 1);
        // the public reads only what was written for the citizen, never a staff note (PublicTimeline)
        List<org.bianmin.hotline.model.PublicTimeline.Entry> timeline = org.bianmin.hotline.model.PublicTimeline.of(ticket);
        view.put("status_notes", timeline.isEmpty() ? null : PublicRedactor.text(timeline.get(timeline.size() - 1).note()));
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
}
