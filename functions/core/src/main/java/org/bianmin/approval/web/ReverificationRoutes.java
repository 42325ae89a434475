package org.bianmin.approval.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.http.ApiException;
import org.bianmin.http.Access;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.Json;
import org.bianmin.approval.application.BatchStore;
import org.bianmin.approval.application.ReverificationQueue;
import org.bianmin.approval.application.ReverifyingRecipients;
import org.bianmin.approval.application.ServiceCatalog;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/approvals/batches} {@code {"item","idNumbers":[...]}} -> 202 {@code {"batchId"}}, and
 * {@code GET /v1/approvals/batches/{batchId}} -> progress and summary. Every ID number is validated before
 * anything is queued; the first invalid one is named in the 400. Staff only: a batch is started by staff of the
 * item's approving department, and its progress (counts, no personal data) is shown to any staff member.
 */
public final class ReverificationRoutes implements HttpRouteGroup {

    static final int MAX_RECIPIENTS = 100_000;

    private final ServiceCatalog catalog;
    private final ReverifyingRecipients reverifying;
    private final ReverificationQueue queue;
    private final BatchStore batches;

    public ReverificationRoutes(ServiceCatalog catalog, ReverifyingRecipients reverifying, ReverificationQueue queue,
                                BatchStore batches) {
        this.catalog = catalog;
        this.reverifying = reverifying;
        this.queue = queue;
        this.batches = batches;
    }

    @Override
    public List<HttpRoute> routes() {
        return List.of(HttpRoute.of("POST", "/v1/approvals/batches", Access.staff(), this::start),
                HttpRoute.of("GET", "/v1/approvals/batches/{batchId}", Access.staff(), request -> batches.progress(request.pathParameter("batchId"))
                        .map(progress -> HttpResponse.json(200, progress))
                        .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "没有这个核验批次。"))));
    }

    private HttpResponse start(HttpRequest request) {
        JsonNode body = Json.objectBody(request);
        String code = Json.optionalString(body, "item");
        ServiceItem item = catalog.item(code == null ? "" : code).orElseThrow(() ->
                ApiException.badRequest("UNKNOWN_ITEM", "没有这个事项：" + code + "。"));
        if (!request.claim("department").map(item.department()::equals).orElse(false)) {
            throw new ApiException(403, "FORBIDDEN", "只有“" + item.department() + "”的工作人员可以发起该事项的批量核验。");
        }
        JsonNode ids = body.get("idNumbers");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_RECIPIENTS) {
            throw ApiException.badRequest("INVALID_RECIPIENTS", "idNumbers 须为1到" + MAX_RECIPIENTS + "个身份证号码的数组。");
        }
        List<ResidentId> recipients = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String value = ids.get(i).isString() ? ids.get(i).stringValue() : null;
            Optional<String> problem = ResidentId.problem(value);
            if (problem.isPresent()) {
                throw ApiException.badRequest("INVALID_ID_NUMBER", "第" + (i + 1) + "个身份证号码无效：" + problem.get() + "。");
            }
            recipients.add(ResidentId.parse(value));
        }
        return HttpResponse.json(202, Map.of("batchId", reverifying.start(item, recipients, queue), "total", recipients.size()));
    }
}
