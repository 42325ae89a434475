package org.bianmin.knowledge.model;

import java.util.List;

/**
 * The structured answer of an entry. Sections are kept apart so that a follow-up question
 * ("要带什么材料", "在哪里办") is answered with the matching section of the previous topic.
 */
public record EntryAnswer(
        String summary,
        List<String> steps,
        List<String> materials,
        String where,
        String online,
        String fees,
        String timeLimit,
        String hours,
        String phone,
        List<String> conditions) {

    public EntryAnswer {
        steps = steps == null ? List.of() : List.copyOf(steps);
        materials = materials == null ? List.of() : List.copyOf(materials);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** An answer without a list of conditions (who qualifies): most entries say it in their summary. */
    public EntryAnswer(String summary, List<String> steps, List<String> materials, String where, String online,
                       String fees, String timeLimit, String hours, String phone) {
        this(summary, steps, materials, where, online, fees, timeLimit, hours, phone, List.of());
    }

    /** The text of one section, or empty when the entry does not say. */
    public String section(AnswerSection section) {
        return switch (section) {
            case SUMMARY -> summary;
            case CONDITIONS -> numbered(conditions);
            case STEPS -> numbered(steps);
            case MATERIALS -> numbered(materials);
            case WHERE -> where;
            case ONLINE -> online;
            case FEES -> fees;
            case TIME_LIMIT -> timeLimit;
            case HOURS -> hours;
            case PHONE -> phone;
        };
    }

    public boolean has(AnswerSection section) {
        String text = section(section);
        return text != null && !text.isBlank();
    }

    /** The whole answer as one readable text, section by section. */
    public String fullText() {
        StringBuilder text = new StringBuilder(summary);
        for (AnswerSection section : AnswerSection.values()) {
            if (section != AnswerSection.SUMMARY && has(section)) {
                text.append('\n').append(section.heading()).append('：');
                String body = section(section);
                text.append(body.contains("\n") ? "\n" + body : body);
            }
        }
        return text.toString();
    }

    private static String numbered(List<String> items) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(i + 1).append(". ").append(items.get(i));
        }
        return text.toString();
    }
}
