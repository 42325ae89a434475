package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bianmin.inquiry.application.EmergencyKind;
import org.bianmin.inquiry.application.SafetyRules;
import org.junit.jupiter.api.Test;

/** The safety data file is validated at start: a broken file stops the start and says which field is wrong. */
class SafetyRulesTest {

    @Test
    void theShippedFileCoversEveryDangerOfTheIssueWithNumbersAsData() {
        SafetyRules rules = SafetyRules.load();
        List<String> ids = rules.kinds().stream().map(EmergencyKind::id).toList();
        assertThat(ids).contains("fire", "gas", "explosion", "medical", "violence", "missing", "drowning", "trapped",
                "trapped-lift", "self-harm-intent", "electric-shock");
        assertThat(rules.kinds()).allSatisfy(kind -> {
            assertThat(kind.steps()).hasSizeBetween(2, 4);
            assertThat(kind.call().number()).isIn("110", "119", "120", "12356");
        });
        assertThat(rules.offer()).contains("紧急诉求");
    }

    @Test
    void aBrokenFileIsRefusedWithTheFieldThatIsWrong() {
        assertThatThrownBy(() -> SafetyRules.load("inquiry-test/safety-unknown-hotline.json"))
                .hasMessageContaining("kinds[0].call").hasMessageContaining("'firemen'");
        assertThatThrownBy(() -> SafetyRules.load("inquiry-test/safety-bad-pattern.json"))
                .hasMessageContaining("kinds[0].patterns[1]").hasMessageContaining("regular expression");
        assertThatThrownBy(() -> SafetyRules.load("inquiry-test/safety-one-step.json"))
                .hasMessageContaining("kinds[0].steps: 1 steps");
        assertThatThrownBy(() -> SafetyRules.load("inquiry-test/missing.json")).hasMessageContaining("not on the classpath");
    }
}
