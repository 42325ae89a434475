package org.bianmin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Conditional;

/**
 * The architecture's rules, held by tests (docs/design.md, "Packages"): capabilities meet only through published
 * ports, domain models stay free of frameworks, and packages form no cycles. Each rule names what it protects; a
 * break fails {@code mvn verify} with the offending dependency.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.bianmin");

    /** The capabilities (ARCHITECTURE.md, "Packages"); each publishes its port in its root package. */
    private static final List<String> CAPABILITIES = List.of("knowledge", "inquiry", "hotline", "approval", "devices");

    /**
     * Besides its root package, what {@code knowledge} publishes: the types its results are made of
     * ({@code model}) and the one Chinese analyzer every capability must tokenize with so that tokens agree
     * ({@code analysis}; the hotline's classifier uses it).
     */
    private static final Set<String> KNOWLEDGE_PUBLISHED = Set.of("org.bianmin.knowledge.model", "org.bianmin.knowledge.analysis");

    @Test
    void capabilitiesUseEachOtherOnlyThroughTheirPublishedPorts() {
        for (String capability : CAPABILITIES) {
            for (String other : CAPABILITIES) {
                if (other.equals(capability)) {
                    continue;
                }
                ArchRule rule = noClasses().that().resideInAPackage("org.bianmin." + capability + "..")
                        .should().dependOnClassesThat(internalOf(other))
                        .as(capability + " uses " + other + " only through its port (org.bianmin." + other + ")");
                rule.check(CORE);
            }
        }
    }

    @Test
    void domainModelsImportNoFrameworks() {
        noClasses().that().resideInAPackage("org.bianmin..model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "co.elastic..", "org.elasticsearch..",
                        "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..")
                .as("model packages are plain Java: no AWS, Elasticsearch, Spring or Jackson")
                .check(CORE);
    }

    @Test
    void routesUseApplicationServicesNotAdapters() {
        noClasses().that().resideInAPackage("org.bianmin..web..")
                .should().dependOnClassesThat().resideInAPackage("org.bianmin..infrastructure..")
                .as("web routes parse and render; they reach DynamoDB, SQS or Elasticsearch only through application ports")
                .check(CORE);
    }

    @Test
    void capabilitiesFormNoCycles() {
        slices().matching("org.bianmin.(*)..").should().beFreeOfCycles()
                .as("top-level packages (capabilities and kernels) form no cycle").check(CORE);
    }

    @Test
    void packagesInsideACapabilityFormNoCycles() {
        for (String capability : CAPABILITIES) {
            slices().matching("org.bianmin." + capability + ".(**)").should().beFreeOfCycles()
                    .as("the packages inside " + capability + " form no cycle").check(CORE);
        }
    }

    @Test
    void kernelsKnowNoCapability() {
        noClasses().that().resideInAnyPackage("org.bianmin.http..", "org.bianmin.queue..", "org.bianmin.store..",
                        "org.bianmin.platform..", "org.bianmin.observability..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        CAPABILITIES.stream().map(c -> "org.bianmin." + c + "..").toArray(String[]::new))
                .as("the shared kernels (http, queue, store, platform, observability) depend on no capability").check(CORE);
    }

    /**
     * The Lambda deployment jar starts from bean definitions generated at build time (Spring AOT, functions/core's
     * pom.xml), where every condition is decided once, on the build machine. A {@code @Conditional...} or
     * {@code @Profile} on one of our beans would then ignore the function's environment; a choice that depends on it
     * is made inside a {@code @Bean} method, from properties.
     */
    @Test
    void noBeanOfOursIsConditionalBecauseTheDeploymentJarDecidesConditionsAtBuildTime() {
        noClasses().should().beAnnotatedWith(Conditional.class).orShould().beMetaAnnotatedWith(Conditional.class)
                .as("no configuration or component of ours is conditional (the deployment jar freezes conditions)")
                .check(CORE);
        noMethods().should().beAnnotatedWith(Conditional.class).orShould().beMetaAnnotatedWith(Conditional.class)
                .as("no @Bean method of ours is conditional (the deployment jar freezes conditions)")
                .check(CORE);
    }

    /** Classes of {@code capability} outside its root package (its port) and, for knowledge, its published packages. */
    private static DescribedPredicate<JavaClass> internalOf(String capability) {
        String root = "org.bianmin." + capability;
        return DescribedPredicate.describe("internals of " + root, javaClass -> {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith(root + ".")) {
                return false;
            }
            return !(capability.equals("knowledge") && KNOWLEDGE_PUBLISHED.contains(pkg));
        });
    }
}
