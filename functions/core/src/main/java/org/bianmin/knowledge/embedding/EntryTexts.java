package org.bianmin.knowledge.embedding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bianmin.knowledge.model.KnowledgeEntry;

/**
 * What of an entry is embedded: each way it is asked (title, question, variants), one vector each. Not the answer:
 * callers' questions resemble questions, and an entry's answer talks about much more than what it answers.
 */
public final class EntryTexts {

    private EntryTexts() {
    }

    public static List<String> of(KnowledgeEntry entry) {
        Set<String> texts = new LinkedHashSet<>();
        texts.add(entry.title());
        texts.add(entry.question());
        texts.addAll(entry.variants());
        texts.removeIf(String::isBlank);
        return List.copyOf(texts);
    }

    /** Changes whenever the entry's vectors would: its texts or the model. */
    public static String fingerprint(KnowledgeEntry entry, String model) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(model.getBytes(StandardCharsets.UTF_8));
            for (String text : of(entry)) {
                digest.update((byte) '\n');
                digest.update(text.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
