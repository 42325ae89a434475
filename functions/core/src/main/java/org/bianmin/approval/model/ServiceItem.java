package org.bianmin.approval.model;

import java.util.List;

/** A government service item decided by 秒批: what the applicant must supply and which checks decide it. */
public record ServiceItem(String code, String name, String department, String description,
                          List<RequiredField> requiredFields, List<CheckRule> checks) {

    public ServiceItem {
        requiredFields = List.copyOf(requiredFields);
        checks = List.copyOf(checks);
    }

    /** A field the applicant fills in: {@code type} is text, number or boolean; {@code values} limits text. */
    public record RequiredField(String name, String label, String type, List<String> values) {

        public RequiredField {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
