package org.bianmin.hotline.web;

import java.util.Set;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.HistoricalRequest;
import org.bianmin.hotline.HotlineIntake;
import org.bianmin.hotline.ImportReceipt;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.hotline.InvalidIntakeCommandException;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.RequestBodies;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/staff/requests/import}: files a batch of historical requests (a JSON array of up to
 * {@value #MAX_ROWS} rows) as tickets with their original times, through the intake's validation and routing and
 * without notifications. Only the dispatch centre may call it (JWT claim {@code role=dispatch}). Each row is
 * answered on its own, by its 1-based position: {@code CREATED}, {@code EXISTING} (imported before: importing is
 * idempotent per row id) or {@code REJECTED} with the error, so one bad row never stops the batch.
 */
public final class StaffImportRoute implements HttpRoute {

    static final int MAX_ROWS = 100;
    /** A time up to this far ahead of the server clock is still accepted (the source's clock may drift). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** What message boards and call-centre exports write: 2019/2/28 11:25:05, 2019-02-28 11:25, in China time. */
    private static final DateTimeFormatter LOCAL_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy[/][-]M[/][-]d[ ]['T']H:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter();

    private final HotlineIntake intake;
    private final Clock clock;

    public StaffImportRoute(HotlineIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    /** Staff only; the route itself admits the dispatch centre alone (403 for a department). */
    @Override
    public Access access() {
        return Access.staff();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String pathTemplate() {
        return "/v1/staff/requests/import";
    }

    @Override
    public Set<Integer> statuses() {
        return Set.of(200, 400, 403);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        StaffMember actor = StaffAuthentication.require(request);
        if (!actor.dispatchCentre()) {
            throw new ApiException(403, "FORBIDDEN", "只有12345分拨中心可以导入历史诉求。");
        }
        List<JsonNode> rows = RequestBodies.array(request, 1, MAX_ROWS, "INVALID_BATCH",
                "请求体应为1到" + MAX_ROWS + "条历史诉求组成的 JSON 数组。");
        List<Map<String, Object>> results = new ArrayList<>();
        int created = 0;
        int existing = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("row", i + 1);
            JsonNode id = rows.get(i).get("id");
            result.put("id", id != null && id.isString() ? id.asString() : null);
            try {
                ImportReceipt receipt = intake.fileHistorical(
                        RequestBodies.bind(rows.get(i), ImportRow.class).toRequest(actor.subject(), clock.instant()));
                result.put("outcome", receipt.created() ? "CREATED" : "EXISTING");
                result.put("trackingNumber", receipt.trackingNumber());
                result.put("department", receipt.department());
                created += receipt.created() ? 1 : 0;
                existing += receipt.created() ? 0 : 1;
            } catch (InvalidIntakeCommandException e) {
                rejected(result, e.code(), e.getMessage());
            } catch (ApiException e) {
                if (e.status() >= 500) {
                    throw e;
                }
                rejected(result, e.code(), e.getMessage());
            }
            results.add(result);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("created", created);
        body.put("existing", existing);
        body.put("rejected", rows.size() - created - existing);
        body.put("results", results);
        return HttpResponse.json(200, body);
    }

    private static void rejected(Map<String, Object> result, String code, String message) {
        result.put("outcome", "REJECTED");
        result.put("error", Map.of("code", code, "message", message));
    }

    /**
     * One historical row: the earlier system's {@code id}, {@code subject} and {@code detail} (the ticket's text is
     * both), the original {@code time}, its likes ({@code up}) and, where known, the caller's phone and the address.
     * A row without a phone is filed with {@link HistoricalRequest#NO_CONTACT}.
     */
    record ImportRow(String id, String subject, String detail, String time, Integer up, String phone, String address) {

        HistoricalRequest toRequest(String importedBy, Instant now) {
            String contact = phone == null || phone.isBlank() ? HistoricalRequest.NO_CONTACT : phone;
            IntakeCommand command = new IntakeCommand(text(), contact, address, null, null, null, "import", null, null);
            Instant receivedAt = receivedAt();
            if (receivedAt != null && receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
                throw new InvalidIntakeCommandException("INVALID_TIME", "time 不能晚于当前时间。");
            }
            return new HistoricalRequest(command, id, receivedAt, up == null ? 0 : up, importedBy);
        }

        /** Subject and detail, the subject left out where the detail already begins with it. */
        private String text() {
            String s = subject == null ? "" : subject.strip();
            String d = detail == null ? "" : detail.strip();
            if (s.isEmpty() || d.startsWith(s)) {
                return d;
            }
            return d.isEmpty() ? s : s + "\n" + d;
        }

        private Instant receivedAt() {
            if (time == null || time.isBlank()) {
                return null;
            }
            String value = time.strip();
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeException notIso) {
                try {
                    return LocalDateTime.parse(value, LOCAL_TIME).atZone(WorkingCalendar.ZONE).toInstant();
                } catch (DateTimeException e) {
                    throw new InvalidIntakeCommandException("INVALID_TIME",
                            "time 格式不正确，应为 2019/2/28 11:25:05、2019-02-28 11:25 或带时区的 ISO 8601 时间。");
                }
            }
        }
    }
}
