package org.bianmin.knowledge.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces each spelling of a concept with its canonical token (医保 -> 医疗保险). Folding, rather than
 * expanding, keeps one token per position, so the whitespace-joined token text sent to Elasticsearch scores
 * exactly as the Lucene index does.
 */
final class CanonicalSynonymFilter extends TokenFilter {

    private final AnalysisResources resources;
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);

    CanonicalSynonymFilter(TokenStream input, AnalysisResources resources) {
        super(input);
        this.resources = resources;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String term = termAttribute.toString();
        String canonical = resources.canonical(term);
        if (!canonical.equals(term)) {
            termAttribute.setEmpty().append(canonical);
        }
        return true;
    }
}
