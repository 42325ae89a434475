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
import org.bianmin.http.Problem;
import org.bianmin.http.Json;
import org.bianmin.local.LocalStaffTokens;
import tools.jackson.databind.JsonNode;

/**
 * The console's sign-in on the local runtime: {@code GET /local/sign-in} lists the departments,
 * {@code POST /local/sign-in} {@code {"dispatch":true}} or {@code {"department":"..."}} returns a development
 * staff token, the same one {@code dev-token} prints. It exists only while the runtime signs with the public
 * development secret, so it hands out nothing that anyone could not already make; with
 * {@code BIANMIN_LOCAL_TOKEN_SECRET} set, or in AWS, tokens come from the city's identity provider and are pasted in.
 */
public final class DevelopmentSignInServlet extends HttpServlet {

    static final Duration VALID_FOR = Duration.ofHours(8);
    private final transient LocalStaffTokens tokens;
    private final List<String> departments;

    public DevelopmentSignInServlet(LocalStaffTokens tokens, List<String> departments) {
        this.tokens = tokens;
        this.departments = List.copyOf(departments);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!available(response)) {
            return;
        }
        write(response, 200, Map.of("available", true, "departments", departments, "dispatchCentre", "12345热线分拨中心"));
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
        boolean dispatch = body.path("dispatch").asBoolean(false);
        JsonNode departmentNode = body.get("department");
        String department = departmentNode != null && departmentNode.isString() ? departmentNode.stringValue() : null;
        if (!dispatch && (department == null || !departments.contains(department))) {
            write(response, 400, Problem.of(400, "INVALID_DEPARTMENT", "请选择分拨中心或一个已有的部门。", null));
            return;
        }
        String subject = dispatch ? "dispatcher" : "staff-" + Integer.toHexString(department.hashCode());
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("token", tokens.issue(subject, dispatch ? null : department, dispatch, VALID_FOR));
        issued.put("subject", subject);
        issued.put("department", dispatch ? null : department);
        issued.put("dispatch", dispatch);
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
        byte[] bytes = Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(body instanceof Problem ? Problem.CONTENT_TYPE : "application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
