package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.bianmin.hotline.classification.Leaf;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.knowledge.model.Domain;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private final Taxonomy taxonomy = Taxonomy.loadDefault();

    @Test
    void coversAllFifteenDomainsWithAtLeast120Leaves() {
        assertThat(taxonomy.leaves()).hasSizeGreaterThanOrEqualTo(120);
        Map<Domain, Long> perDomain = taxonomy.leaves().stream()
                .collect(Collectors.groupingBy(Leaf::domain, Collectors.counting()));
        assertThat(perDomain.keySet()).containsExactlyInAnyOrder(Domain.values());
        assertThat(perDomain.values()).allMatch(count -> count >= 3);
    }

    @Test
    void everyLeafHasADepartmentAnSlaAndKeywords() {
        assertThat(taxonomy.leaves()).allSatisfy(leaf -> {
            assertThat(leaf.department()).isNotBlank();
            assertThat(leaf.keywords()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(leaf.code()).startsWith(leaf.categoryCode());
        });
        assertThat(taxonomy.leaves()).extracting(Leaf::sla).contains(SlaClass.URGENT, SlaClass.NORMAL, SlaClass.CONSULT);
    }
}
