package org.bianmin.hotline.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.model.Domain;
import org.bianmin.knowledge.model.KnowledgeEntry;

/**
 * Routes a request text to domain -> leaf category -> department (事件准入、任务分拨), in two explainable steps
 * over the project's Chinese analyzer:
 * <ol>
 *   <li>the domain, by a {@link DomainModel}: a linear model over words and character n-grams with a calibrated
 *       confidence. Either one trained from a city's history ({@code train-router}, selected by
 *       {@code BIANMIN_ROUTER_MODEL}) or the built-in one, trained when this classifier is made from the text
 *       the project wrote itself ({@link BuiltInTrainingText});</li>
 *   <li>the leaf within that domain, by naive Bayes learned from the taxonomy.</li>
 * </ol>
 * Below the model's triage threshold (chosen when it was trained, for a target precision of automatic routing on
 * held-out texts) the request goes to manual triage instead of a guess.
 */
public final class RequestClassifier {

    static final int ALTERNATIVES = 3;
    static final int TERMS = 5;
    /** The built-in model's version starts with this; a trained model's with {@code router-}. */
    public static final String BUILT_IN = "builtin";

    private final Taxonomy taxonomy;
    private final RoutingFeatures features;
    private final DomainModel domainModel;
    private final NaiveBayes<String> leaves = new NaiveBayes<>();

    /**
     * The built-in model, trained here from the project's own text.
     *
     * @param entries the knowledge base's entries: their wording teaches the domain step (KnowledgeEntries)
     */
    public RequestClassifier(Taxonomy taxonomy, java.util.Collection<KnowledgeEntry> entries, ChineseAnalyzer analyzer) {
        this(taxonomy, analyzer, builtInModel(taxonomy, entries, new RoutingFeatures(analyzer)));
    }

    /** A model trained elsewhere ({@code train-router}) for the domain step. */
    public RequestClassifier(Taxonomy taxonomy, ChineseAnalyzer analyzer, DomainModel domainModel) {
        this.taxonomy = taxonomy;
        this.features = new RoutingFeatures(analyzer);
        this.domainModel = domainModel;
        for (Leaf leaf : taxonomy.leaves()) {
            leaves.train(leaf.code(), features.words(leaf.name() + " " + leaf.categoryName()), 2);
            leaves.train(leaf.code(), features.words(String.join(" ", leaf.keywords())), 4);
            leaves.train(leaf.code(), features.words(leaf.description()), 1);
            for (String example : leaf.examples()) {
                leaves.train(leaf.code(), features.words(example), 1);
            }
        }
    }

    /** The built-in domain model ({@link BuiltInRouterModel}: shipped pre-trained, trained here only when stale). */
    public static DomainModel builtInModel(Taxonomy taxonomy, java.util.Collection<KnowledgeEntry> entries,
                                           RoutingFeatures features) {
        return BuiltInRouterModel.get(taxonomy, entries, features);
    }

    public Classification classify(String text) {
        List<String> terms = features.terms(text);
        List<String> words = terms.stream().filter(t -> t.startsWith(RoutingFeatures.WORD))
                .map(RoutingFeatures::display).toList();
        FeatureVocabulary.SparseVector vector = domainModel.vectorize(terms);
        List<DomainModel.Scored> rankedDomains = domainModel.rank(vector);
        Domain domain = rankedDomains.get(0).domain();
        double domainConfidence = rankedDomains.get(0).probability();

        List<Candidate> candidates = new ArrayList<>();
        for (DomainModel.Scored ranked : rankedDomains.subList(0, Math.min(ALTERNATIVES + 1, rankedDomains.size()))) {
            Set<String> inDomain = new LinkedHashSet<>();
            for (Leaf leaf : taxonomy.leaves()) {
                if (leaf.domain() == ranked.domain()) {
                    inDomain.add(leaf.code());
                }
            }
            if (inDomain.isEmpty()) {
                continue;
            }
            Map<String, Double> leafPosterior = leaves.posterior(words, inDomain);
            leafPosterior.forEach((code, p) -> candidates.add(
                    new Candidate(taxonomy.leaf(code).orElseThrow(), ranked.probability() * p)));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        Leaf best = candidates.stream().filter(c -> c.leaf.domain() == domain).findFirst().orElseThrow().leaf;

        List<Classification.Alternative> alternatives = candidates.stream()
                .filter(c -> !c.leaf.code().equals(best.code()))
                .limit(ALTERNATIVES)
                .map(c -> new Classification.Alternative(c.leaf.domain().label(), c.leaf.code(), c.leaf.name(),
                        c.leaf.department(), round(c.probability)))
                .toList();
        Domain runnerUp = rankedDomains.size() > 1 ? rankedDomains.get(1).domain() : domain;
        return new Classification(domain.label(), best.code(), best.name(), best.department(), best.sla(),
                round(domainConfidence), domainConfidence < domainModel.triageThreshold(), alternatives,
                domainModel.decidingTerms(vector, domain, runnerUp, TERMS), domainModel.version());
    }

    private record Candidate(Leaf leaf, double probability) {
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public DomainModel domainModel() {
        return domainModel;
    }

    public String modelVersion() {
        return domainModel.version();
    }
}
