package org.bianmin.inquiry.application;

import java.util.Optional;
import java.util.regex.Pattern;
import org.bianmin.knowledge.analysis.TextNormalizer;

/**
 * Runs before retrieval on every channel: does the text say that someone is in danger now? Matching is on the
 * text as written, in three passes, all driven by the safety data file:
 * <ol>
 *   <li>phrases that only look dangerous are removed ("打不着火" is a stove, "跳楼价" a sale);</li>
 *   <li>clauses that are past, hypothetical or administrative are dropped ("去年着过火的房子能卖吗",
 *       "怕小孩掉下去", "火灾后怎么申请救助"), because the danger they mention is not happening now;</li>
 *   <li>what is left is matched against each kind's triggers, in the file's order.</li>
 * </ol>
 * Speech-recognition text has no punctuation, so whitespace also ends a clause.
 */
public final class SafetyCheck {

    private static final Pattern CLAUSE_END = Pattern.compile("[，,。.！!？?；;：:、\\s]+");

    private final SafetyRules rules;

    public SafetyCheck(SafetyRules rules) {
        this.rules = rules;
    }

    public SafetyRules rules() {
        return rules;
    }

    /** The first kind of emergency the text reports, if any. */
    public Optional<EmergencyKind> detect(String text) {
        String urgent = urgentPart(text);
        if (urgent.isEmpty()) {
            return Optional.empty();
        }
        return rules.kinds().stream().filter(kind -> kind.matches(urgent)).findFirst();
    }

    /** The text without ignored phrases and non-urgent clauses, clauses joined by "，". */
    String urgentPart(String text) {
        String normalized = TextNormalizer.normalize(text);
        for (Pattern phrase : rules.ignorePhrases()) {
            normalized = phrase.matcher(normalized).replaceAll("，");
        }
        StringBuilder kept = new StringBuilder();
        for (String clause : CLAUSE_END.split(normalized)) {
            if (!clause.isEmpty() && rules.nonUrgentClauses().stream().noneMatch(p -> p.matcher(clause).find())) {
                kept.append(clause).append('，');
            }
        }
        return kept.toString();
    }
}
