package org.bianmin.knowledge.model;

/** The sections of an answer, with the heading a citizen reads. */
public enum AnswerSection {
    SUMMARY("答复"),
    /** Who qualifies, as a list (optional; most entries state it in the summary). */
    CONDITIONS("办理条件"),
    STEPS("办理流程"),
    MATERIALS("所需材料"),
    WHERE("办理地点"),
    ONLINE("网上办理"),
    FEES("收费标准"),
    TIME_LIMIT("办理时限"),
    HOURS("服务时间"),
    PHONE("咨询电话");

    private final String heading;

    AnswerSection(String heading) {
        this.heading = heading;
    }

    public String heading() {
        return heading;
    }
}
