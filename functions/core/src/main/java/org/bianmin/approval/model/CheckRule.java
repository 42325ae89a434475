package org.bianmin.approval.model;

import java.util.Map;
import java.util.Objects;

/**
 * One eligibility check of a service item: a field of a data source's record compared with a value, e.g.
 * population.age >= 80. Written as data in the item's rule file.
 *
 * @param failReason what the citizen reads when the check fails (Chinese)
 */
public record CheckRule(String id, String label, String source, String field, String op, Object value,
                        String failReason) {

    /** PASS or FAIL against a source record; AMBIGUOUS when the record lacks the field or has the wrong type. */
    public CheckOutcome evaluate(Map<String, Object> record) {
        Object actual = record.get(field);
        if (actual == null) {
            return CheckOutcome.AMBIGUOUS;
        }
        Boolean result = switch (op) {
            case "==" -> equal(actual, value);
            case "!=" -> !equal(actual, value);
            case ">=", "<=", ">", "<" -> compare(actual, value, op);
            default -> null;
        };
        return result == null ? CheckOutcome.AMBIGUOUS : result ? CheckOutcome.PASS : CheckOutcome.FAIL;
    }

    private static boolean equal(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return a.doubleValue() == e.doubleValue();
        }
        return Objects.equals(actual, expected);
    }

    private static Boolean compare(Object actual, Object expected, String op) {
        if (!(actual instanceof Number a) || !(expected instanceof Number e)) {
            return null;
        }
        double x = a.doubleValue();
        double y = e.doubleValue();
        return switch (op) {
            case ">=" -> x >= y;
            case "<=" -> x <= y;
            case ">" -> x > y;
            default -> x < y;
        };
    }
}
