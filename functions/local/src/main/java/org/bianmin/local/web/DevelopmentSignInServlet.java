package org.bianmin.local.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.http.Access;
import org.bianmin.http.Problem;
import org.bianmin.http.Json;
import org.bianmin.local.LocalTokens;
import tools.jackson.databind.JsonNode;

/**
 * The development sign-in on the local runtime: {@code GET /local/sign-in} lists the departments and roles,
 * {@code POST /local/sign-in} {@code {"dispatch":true}}, {@code {"role":"device-admin"}} (or {@code "knowledge-editor"}) or
 * {@code {"department":"..."}} returns a development staff token, and {@code {"idNumber":"..."}} a development
 * citizen token for that resident (what the city's identity provider issues in AWS): the same tokens
 * {@code dev-token} prints. It exists only while the runtime signs with the public
 * development secret, so it hands out nothing that anyone could not already make; with
 * {@code BIANMIN_LOCAL_TOKEN_SECRET} set, or in AWS, tokens come from the city's identity provider and are pasted in.
 */
public final class DevelopmentSignInServlet extends HttpServlet {

    static final Duration VALID_FOR = Duration.ofHours(8);
    private final transient LocalTokens tokens;
    private final List<String> departments;

    public DevelopmentSignInServlet(LocalTokens tokens, List<String> departments) {
        this.tokens = tokens;
        this.departments = List.copyOf(departments);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!available(response)) {
            return;
        }
        write(response, 200, Map.of("available", true, "departments", departments, "dispatchCentre", "12345热线分拨中心",
                "deviceAdministrator", "设备管理员", "knowledgeEditor", "知识库编辑"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!available(response)) {
            return;
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(new String(request.getInputStream().readNBytes(4096), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            write(response, 400, Problem.of(400, "INVALID_JSON", "请求体必须是 JSON 对象。", null));
            return;
        }
        JsonNode idNumber = body.get("idNumber");
        if (idNumber != null) {
            signInCitizen(response, idNumber.isString() ? idNumber.stringValue().strip().toUpperCase(java.util.Locale.ROOT) : "");
            return;
        }
        boolean dispatch = body.path("dispatch").asBoolean(false);
        // device administrators and knowledge editors have a role and no department
        String askedRole = body.path("role").asString("");
        boolean deviceAdmin = Access.DEVICE_ADMIN_ROLE.equals(askedRole) || Access.KNOWLEDGE_EDITOR_ROLE.equals(askedRole);
        JsonNode departmentNode = body.get("department");
        String department = departmentNode != null && departmentNode.isString() ? departmentNode.stringValue() : null;
        if (!dispatch && !deviceAdmin && (department == null || !departments.contains(department))) {
            write(response, 400, Problem.of(400, "INVALID_DEPARTMENT", "请选择分拨中心、设备管理员或一个已有的部门。", null));
            return;
        }
        String role = dispatch ? Access.DISPATCH_ROLE : deviceAdmin ? askedRole : null;
        String subject = dispatch ? "dispatcher" : deviceAdmin ? askedRole : "staff-" + Integer.toHexString(department.hashCode());
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("token", tokens.issueStaff(subject, role != null ? null : department, role, VALID_FOR));
        issued.put("subject", subject);
        issued.put("department", role != null ? null : department);
        issued.put("dispatch", dispatch);
        issued.put("role", role);
        write(response, 200, issued);
    }

    private void signInCitizen(HttpServletResponse response, String idNumber) throws IOException {
        java.util.Optional<String> problem = ResidentId.problem(idNumber);
        if (problem.isPresent()) {
            write(response, 400, Problem.of(400, "INVALID_ID_NUMBER", problem.get() + "。", null));
            return;
        }
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("token", tokens.issueCitizen(idNumber, VALID_FOR));
        issued.put("idNumber", ResidentId.parse(idNumber).masked());
        write(response, 200, issued);
    }

    private boolean available(HttpServletResponse response) throws IOException {
        if (tokens.usesDevelopmentSecret()) {
            return true;
        }
        write(response, 404, Problem.of(404, "SIGN_IN_UNAVAILABLE",
                "本机未启用开发登录（已配置令牌密钥）：请粘贴统一身份认证签发的令牌。", null));
        return false;
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        // like every API response, a request id on the response and in the problem
        String requestId = java.util.UUID.randomUUID().toString();
        response.setHeader("x-request-id", requestId);
        if (body instanceof Problem problem) {
            body = Problem.of(problem.status(), problem.code(), problem.detail(), requestId);
        }
        byte[] bytes = Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(body instanceof Problem ? Problem.CONTENT_TYPE : "application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
