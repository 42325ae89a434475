package org.bianmin.approval.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.bianmin.approval.sources.FixtureDataSource;
import org.bianmin.approval.sources.HttpDataSource;
import org.bianmin.platform.RuntimeProperties;
import org.junit.jupiter.api.Test;

/** A deployment never decides real applications against the synthetic population. */
class ApprovalSourcesTest {

    private final ApprovalConfiguration configuration = new ApprovalConfiguration();

    @Test
    void inLambdaASourceWithoutAUrlFailsTheStartNamingIt() {
        ApprovalProperties none = new ApprovalProperties(null, Map.of(), null, null, null);
        assertThatThrownBy(() -> configuration.approvalSources(none, new RuntimeProperties(false), org.bianmin.observability.Metrics.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'population'")
                .hasMessageContaining("BIANMIN_APPROVAL_SOURCEBASEURL");
    }

    @Test
    void theGatewayServesEverySourceAndAnOwnUrlOverridesIt() {
        ApprovalProperties gateway = new ApprovalProperties("https://gateway.example.invalid/share",
                Map.of("credit", "https://credit.example.invalid/api"), null, null, null);
        var sources = configuration.approvalSources(gateway, new RuntimeProperties(false), org.bianmin.observability.Metrics.none()).byName();
        assertThat(sources.values()).allMatch(source -> source instanceof HttpDataSource);
        assertThat(ApprovalConfiguration.sourceUrl(gateway, "population")).isEqualTo("https://gateway.example.invalid/share/population/");
        assertThat(ApprovalConfiguration.sourceUrl(gateway, "credit")).isEqualTo("https://credit.example.invalid/api/");
    }

    @Test
    void onlyTheLocalRuntimeUsesTheFixtures() {
        ApprovalProperties none = new ApprovalProperties(null, Map.of(), null, null, null);
        assertThat(configuration.approvalSources(none, new RuntimeProperties(true), org.bianmin.observability.Metrics.none()).byName().values())
                .allMatch(source -> source instanceof FixtureDataSource);
    }
}
