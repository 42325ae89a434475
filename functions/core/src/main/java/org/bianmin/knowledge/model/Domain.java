package org.bianmin.knowledge.model;

import java.util.Arrays;
import java.util.Optional;

/** The 15 first-level domains Chinese government hotlines file every request under. */
public enum Domain {
    URBAN_CONSTRUCTION("城乡建设"),
    ENVIRONMENT("环境保护"),
    TRANSPORT("交通运输"),
    EDUCATION_CULTURE_SPORTS("教育文体"),
    LABOUR_SOCIAL_SECURITY("劳动和社会保障"),
    COMMERCE_TOURISM("商贸旅游"),
    HEALTH_FAMILY_PLANNING("卫生计生"),
    RURAL_AGRICULTURE("农村农业"),
    POLITICS_LAW("政法"),
    CIVIL_AFFAIRS("民政"),
    PARTY_GOVERNMENT_AFFAIRS("党务政务"),
    ECONOMIC_MANAGEMENT("经济管理"),
    DISCIPLINE_SUPERVISION("纪检监察"),
    LAND_RESOURCES("国土资源"),
    SCIENCE_INFORMATION_INDUSTRY("科技与信息产业");

    private final String label;

    Domain(String label) {
        this.label = label;
    }

    /** The Chinese name used in data files, API responses and the hotline taxonomy. */
    public String label() {
        return label;
    }

    public static Optional<Domain> fromLabel(String label) {
        return Arrays.stream(values()).filter(d -> d.label.equals(label)).findFirst();
    }
}
