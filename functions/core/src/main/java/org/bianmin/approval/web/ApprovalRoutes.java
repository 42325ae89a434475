package org.bianmin.approval.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.platform.Fingerprint;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRouteGroup;
import org.bianmin.http.CharacterCount;
import org.bianmin.http.RequestBodies;
import org.bianmin.approval.application.ApplyingForApproval;
import org.bianmin.approval.application.ApprovalRecords;
import org.bianmin.approval.application.DecidingApplication;
import org.bianmin.approval.application.ServiceCatalog;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/approvals/items} and {@code POST /v1/approvals}. Input is validated before anything runs or is
 * stored (resident ID format, birth date and checksum; the item's required fields and their types). The same
 * application id returns the same decision; a different request under a used id is a 409.
 */
public final class ApprovalRoutes implements HttpRouteGroup {

    private final ServiceCatalog catalog;
    private final ApplyingForApproval applying;

    public ApprovalRoutes(ServiceCatalog catalog, DecidingApplication deciding, ApprovalRecords store) {
        this.catalog = catalog;
        this.applying = new ApplyingForApproval(deciding, store);
    }

    @Override
    public List<HttpRoute> routes() {
        return List.of(HttpRoute.of("GET", "/v1/approvals/items", request -> HttpResponse.json(200,
                        Map.of("items", catalog.items().stream().map(ApprovalRoutes::describe).toList()))),
                HttpRoute.of("POST", "/v1/approvals", this::apply));
    }

    private static Map<String, Object> describe(ServiceItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", item.code());
        view.put("name", item.name());
        view.put("department", item.department());
        view.put("description", item.description());
        view.put("applicantFields", List.of(Map.of("name", "idNumber", "label", "居民身份证号码"),
                Map.of("name", "name", "label", "姓名")));
        view.put("fields", item.requiredFields());
        view.put("checks", item.checks().stream().map(c -> Map.of("id", c.id(), "label", c.label(), "source", c.source())).toList());
        return view;
    }

    private HttpResponse apply(HttpRequest request) {
        ApplicationBody body = RequestBodies.bind(request, ApplicationBody.class);
        String code = body.item();
        ServiceItem item = catalog.item(code == null ? "" : code).orElseThrow(() ->
                ApiException.badRequest("UNKNOWN_ITEM", "没有这个事项：" + code + "。可办事项见 GET /v1/approvals/items。"));
        String applicationId = body.applicationId();
        String idNumber = body.applicant().idNumber();
        validateFields(item, body.fields());
        ResidentId id = ResidentId.parse(idNumber);
        String fingerprint = fingerprint(request.body());

        try {
            return HttpResponse.json(200, applying.apply(applicationId, item, id, fingerprint));
        } catch (ApplyingForApproval.ApplicationIdReusedException e) {
            throw new ApiException(409, "APPLICATION_ID_REUSED", "该申请编号已用于另一份申请。");
        }
    }

    private static void validateFields(ServiceItem item, JsonNode fields) {
        if (item.requiredFields().isEmpty()) {
            return;
        }
        if (fields == null || !fields.isObject()) {
            throw ApiException.badRequest("FIELDS_REQUIRED", "请填写事项所需信息 fields。");
        }
        for (ServiceItem.RequiredField field : item.requiredFields()) {
            JsonNode value = fields.get(field.name());
            boolean ok = value != null && switch (field.type()) {
                case "number" -> value.isNumber();
                case "boolean" -> value.isBoolean();
                default -> value.isString() && !value.stringValue().isBlank()
                        && (field.values().isEmpty() || field.values().contains(value.stringValue()));
            };
            if (!ok) {
                throw ApiException.badRequest("INVALID_FIELD", "“" + field.label() + "”（" + field.name() + "）缺失或格式不正确"
                        + (field.values().isEmpty() ? "" : "，可选值：" + String.join("、", field.values())) + "。");
            }
        }
    }

    private static String fingerprint(String body) {
        return Fingerprint.sha256(body);
    }

    /** The body of {@code POST /v1/approvals}; {@code fields} depend on the item and are checked against it. */
    record ApplicationBody(
            @NotNull(message = APPLICATION_ID) @Pattern(regexp = "[A-Za-z0-9_-]{6,64}", message = APPLICATION_ID)
            String applicationId,
            String item,
            @NotNull(message = "APPLICANT_REQUIRED:请提供申请人信息 applicant（含 idNumber 与 name）。") @Valid
            Applicant applicant,
            JsonNode fields) {

        private static final String APPLICATION_ID = "INVALID_APPLICATION_ID:applicationId 必填（6-64位字母、数字、- 或 _）。";

        record Applicant(
                @ResidentIdNumber
                String idNumber,
                @NotBlank(message = NAME) @CharacterCount(max = 30, message = NAME)
                String name) {

            private static final String NAME = "INVALID_NAME:请填写申请人姓名（不超过30字）。";
        }
    }
}
