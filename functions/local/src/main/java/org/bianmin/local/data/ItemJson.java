package org.bianmin.local.data;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Items in DynamoDB's own typed JSON ({@code {"S":"..."}}, {@code {"N":"12"}}, {@code {"M":{...}}} ...), the
 * format of DynamoDB's S3 export and the AWS CLI: every type survives the round trip, sets and binaries included.
 */
final class ItemJson {

    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private ItemJson() {
    }

    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode object = nodes.objectNode();
        item.forEach((name, value) -> object.set(name, toJson(value)));
        return object;
    }

    static Map<String, AttributeValue> fromJson(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("an item must be a JSON object");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            item.put(field.getKey(), fromJsonValue(field.getValue()));
        }
        return item;
    }

    private static ObjectNode toJson(AttributeValue value) {
        ObjectNode typed = nodes.objectNode();
        switch (value.type()) {
            case S -> typed.put("S", value.s());
            case N -> typed.put("N", value.n());
            case B -> typed.put("B", base64(value.b()));
            case BOOL -> typed.put("BOOL", value.bool());
            case NUL -> typed.put("NULL", true);
            case SS -> typed.set("SS", strings(value.ss()));
            case NS -> typed.set("NS", strings(value.ns()));
            case BS -> typed.set("BS", strings(value.bs().stream().map(ItemJson::base64).toList()));
            case L -> {
                var list = typed.putArray("L");
                value.l().forEach(element -> list.add(toJson(element)));
            }
            case M -> typed.set("M", toJson(value.m()));
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return typed;
    }

    private static AttributeValue fromJsonValue(JsonNode typed) {
        if (typed == null || !typed.isObject() || typed.size() != 1) {
            throw new IllegalArgumentException("an attribute must be an object with one type key, e.g. {\"S\":\"...\"}");
        }
        Map.Entry<String, JsonNode> only = typed.properties().iterator().next();
        JsonNode value = only.getValue();
        return switch (only.getKey()) {
            case "S" -> AttributeValue.fromS(value.stringValue());
            case "N" -> AttributeValue.fromN(value.stringValue());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.stringValue())));
            case "BOOL" -> AttributeValue.fromBool(value.booleanValue());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(texts(value));
            case "NS" -> AttributeValue.fromNs(texts(value));
            case "BS" -> AttributeValue.fromBs(texts(value).stream()
                    .map(text -> SdkBytes.fromByteArray(Base64.getDecoder().decode(text))).toList());
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                value.forEach(element -> list.add(fromJsonValue(element)));
                yield AttributeValue.fromL(list);
            }
            case "M" -> AttributeValue.fromM(fromJson(value));
            default -> throw new IllegalArgumentException("unknown attribute type " + only.getKey());
        };
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    private static tools.jackson.databind.node.ArrayNode strings(List<String> values) {
        var array = nodes.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> texts(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("a set must be a JSON array");
        }
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.stringValue()));
        return texts;
    }
}
