package org.bianmin.http;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Binds a JSON request body to a record and checks the constraints declared on its components (Jakarta Bean
 * Validation). Every route reads its body this way, so every route answers the same mistakes the same way:
 * <ul>
 *   <li>not JSON, not an object, or a value of the wrong type: 400 {@code UNSUPPORTED_CONTENT_TYPE},
 *       {@code INVALID_JSON} or {@code INVALID_FIELD};</li>
 *   <li>a broken constraint: 400 with the constraint's own code and Chinese message. A constraint's
 *       {@code message} is written {@code "CODE:中文说明"} so that the record declares both next to the field.</li>
 * </ul>
 * Types are strict: a number is not a string, "5" is not a number, 4.5 is not an integer, 1e400 is not a number
 * a citizen meant. Unknown fields are ignored (callers may send more than a route reads).
 */
public final class RequestBodies {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    /** Built on first use: Lambda functions without a JSON body route never pay for it. */
    private static final class Holder {
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }

    private RequestBodies() {
    }

    /** Builds the validator and the strict mapper ahead of the first request (see {@link RequestBodiesPreloader}). */
    static void warmUp() {
        Holder.VALIDATOR.validate(new WarmUp(" "));
        STRICT.readTree("{}");
    }

    private record WarmUp(@jakarta.validation.constraints.NotBlank(message = "WARM_UP:-") String text) {
    }

    /** The body as {@code type}, its constraints checked. */
    public static <T> T bind(HttpRequest request, Class<T> type) {
        return bind(objectNode(request), type);
    }

    /** A JSON object (for example one element of an array body) as {@code type}, its constraints checked. */
    public static <T> T bind(JsonNode node, Class<T> type) {
        T value;
        try {
            value = STRICT.treeToValue(node, type);
        } catch (DatabindException e) {
            throw invalidField(e);
        } catch (JacksonException e) {
            throw ApiException.badRequest("INVALID_JSON", "请求体不是有效的 JSON。");
        }
        if (value == null) {
            throw ApiException.badRequest("INVALID_JSON", "请求体必须是一个 JSON 对象。");
        }
        check(value);
        return value;
    }

    /** The body as a JSON array of {@code min}..{@code max} elements; anything else is 400 {@code code}. */
    public static List<JsonNode> array(HttpRequest request, int min, int max, String code, String message) {
        JsonNode node = parse(request);
        if (!node.isArray() || node.size() < min || node.size() > max) {
            throw ApiException.badRequest(code, message);
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.forEach(elements::add);
        return elements;
    }

    /** Checks a value's declared constraints; the first broken one (in component order) becomes the 400. */
    public static void check(Object value) {
        Set<ConstraintViolation<Object>> violations = Holder.VALIDATOR.validate(value);
        if (violations.isEmpty()) {
            return;
        }
        ConstraintViolation<Object> first = violations.stream()
                .min(Comparator.<ConstraintViolation<Object>>comparingInt(v -> componentIndex(value.getClass(), v))
                        .thenComparing(v -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .orElseThrow();
        throw violation(first.getMessage(), elementNumber(first));
    }

    /** For a broken constraint on an element of a list, which element (1-based), so the 400 can name it. */
    private static Integer elementNumber(ConstraintViolation<?> violation) {
        for (var node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                return node.getIndex() + 1;
            }
        }
        return null;
    }

    private static JsonNode objectNode(HttpRequest request) {
        JsonNode node = parse(request);
        if (!node.isObject()) {
            throw ApiException.badRequest("INVALID_JSON", "请求体必须是一个 JSON 对象。");
        }
        return node;
    }

    private static JsonNode parse(HttpRequest request) {
        String contentType = request.header("content-type").orElse("");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiException.badRequest("UNSUPPORTED_CONTENT_TYPE", "请求体必须是 JSON，请设置 Content-Type: application/json。");
        }
        try {
            JsonNode node = STRICT.readTree(request.body());
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("INVALID_JSON", "请求体不能为空。");
            }
            return node;
        } catch (JacksonException e) {
            throw ApiException.badRequest("INVALID_JSON", "请求体不是有效的 JSON。");
        }
    }

    private static ApiException invalidField(DatabindException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse(null);
        return ApiException.badRequest("INVALID_FIELD",
                field == null ? "请求体的格式不正确。" : "字段 " + field + " 的类型或取值不正确。");
    }

    /**
     * {@code "CODE:message"} as a 400, the message prefixed with the list element it concerns; a message without a
     * code is a plain {@code INVALID_FIELD}.
     */
    static ApiException violation(String message, Integer elementNumber) {
        String code = "INVALID_FIELD";
        int colon = message.indexOf(':');
        if (colon > 0 && message.substring(0, colon).matches("[A-Z][A-Z0-9_]*")) {
            code = message.substring(0, colon);
            message = message.substring(colon + 1);
        }
        return ApiException.badRequest(code, elementNumber == null ? message : "第" + elementNumber + "个：" + message);
    }

    private static int componentIndex(Class<?> type, ConstraintViolation<?> violation) {
        String root = violation.getPropertyPath().iterator().next().getName();
        RecordComponent[] components = type.getRecordComponents();
        if (components == null || root == null) {
            return Integer.MAX_VALUE;
        }
        int index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(root);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
