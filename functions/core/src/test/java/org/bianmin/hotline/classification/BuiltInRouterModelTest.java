package org.bianmin.hotline.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.knowledge.model.KnowledgeEntry;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;

/**
 * The built-in router model ships pre-trained (the build's {@code process-classes} step): it must be the model that
 * training on today's text gives, and it must never be used for another text.
 */
class BuiltInRouterModelTest {

    private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
    private static final RoutingFeatures FEATURES = new RoutingFeatures(Knowledge.ANALYZER);

    /** Fails when the build step did not run or ran on other text (for example a training file edited afterwards). */
    @Test
    void theShippedModelIsTheOneTrainingOnTodaysTextGives() {
        List<LabeledText> texts = BuiltInTrainingText.collect(TAXONOMY, Knowledge.BASE.entries());
        String digest = BuiltInRouterModel.digest(texts);

        DomainModel shipped = BuiltInRouterModel.shipped(digest).orElseThrow(() -> new AssertionError(
                BuiltInRouterModel.RESOURCE + " is missing or was trained on other text: run the core module's build"));
        DomainModel trained = BuiltInRouterModel.train(TAXONOMY, texts, digest, FEATURES);

        // the version ends with a digest of the weights: equal versions are equal models
        assertThat(shipped.version()).isEqualTo(trained.version()).startsWith(RequestClassifier.BUILT_IN + "-");
        assertThat(shipped.details()).containsEntry(BuiltInRouterModel.TEXT_DIGEST, digest);
        assertThat(RequestClassifier.builtInModel(TAXONOMY, Knowledge.BASE.entries(), FEATURES).version())
                .isEqualTo(shipped.version());
    }

    /** A city that changed the knowledge base gets a model trained on its own text, not the shipped one. */
    @Test
    void anotherKnowledgeBaseGetsItsOwnModel() {
        List<KnowledgeEntry> fewer = new ArrayList<>(Knowledge.BASE.entries());
        fewer.remove(fewer.size() - 1);
        String digest = BuiltInRouterModel.digest(BuiltInTrainingText.collect(TAXONOMY, fewer));

        assertThat(BuiltInRouterModel.shipped(digest)).isEmpty();
        DomainModel model = RequestClassifier.builtInModel(TAXONOMY, fewer, FEATURES);
        assertThat(model.details()).containsEntry(BuiltInRouterModel.TEXT_DIGEST, digest);
        assertThat(model.version()).isNotEqualTo(RequestClassifier.builtInModel(TAXONOMY, Knowledge.BASE.entries(), FEATURES).version());
    }
}
