package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.model.ProtectedPhone;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketOrigin;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.similarity.FindingSimilarTickets;
import org.bianmin.hotline.similarity.SimilarityScore;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The duplicate check against real messages: hand-labelled pairs (src/test/resources/hotspots/duplicate-pairs.tsv,
 * ids and labels only) of the hot-spot data set, read from {@code ../shared/data} above the project. The messages
 * are turned into tickets as the import files them (subject and detail, original time, no place fields), and each
 * pair is scored by the same scorer the similar-requests route uses. The pairs come in two halves: the first 106,
 * on which the scorer was tuned, and the held-out ones labelled with the hot spots, reported separately so that a
 * change tuned to the first half shows whether it holds on pairs it never saw.
 */
class DuplicateQualityTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss");

    @Test
    void pairPrecisionAndRecallOnHandLabelledRealMessages() throws IOException {
        Path messages = sharedData("hotspots/messages.jsonl");
        assumeTrue(messages != null, "../shared/data/hotspots/messages.jsonl is absent: the duplicate quality is not measured");
        Map<String, Ticket> tickets = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(messages, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode row = json.readTree(line);
                tickets.put(row.get("id").asString(), ticket(row));
            }
        }
        FindingSimilarTickets similar = new FindingSimilarTickets(null, Knowledge.ANALYZER);
        Map<Boolean, Counts> byHalf = new HashMap<>(Map.of(false, new Counts(), true, new Counts()));
        List<String> misses = new ArrayList<>();
        for (String[] pair : labelledPairs()) {
            Ticket a = tickets.get(pair[0]);
            Ticket b = tickets.get(pair[1]);
            assertThat(a).as("message " + pair[0]).isNotNull();
            assertThat(b).as("message " + pair[1]).isNotNull();
            boolean expected = pair[2].equals("1");
            boolean heldOut = pair[4].equals("held-out");
            SimilarityScore score = similar.compare(a, b);
            String miss = byHalf.get(heldOut).add(score.likelyDuplicate(), expected);
            if (miss != null) {
                misses.add(miss + (heldOut ? " (held out) " : " (tuning) ") + pair[0] + "/" + pair[1] + " " + score);
            }
        }
        Counts all = byHalf.get(false).plus(byHalf.get(true));
        System.out.printf("duplicate pairs: tuning %s; held out %s; all %s%n", byHalf.get(false), byHalf.get(true), all);
        misses.forEach(System.out::println);
        assertThat(byHalf.get(false).pairs).isGreaterThanOrEqualTo(100);
        assertThat(byHalf.get(true).pairs).isGreaterThanOrEqualTo(100);
        // The issue's targets, precision >= 0.90 and recall >= 0.80 over all pairs: measured 0.941 / 0.850 (the
        // tuning half 0.929 / 0.852, the held-out half 0.957 / 0.846: docs/hotline.md, "Similar reports").
        assertThat(byHalf.get(false).precision()).as("pair precision, tuning half").isGreaterThanOrEqualTo(0.90);
        assertThat(all.precision()).as("pair precision").isGreaterThanOrEqualTo(0.90);
        assertThat(all.recall()).as("pair recall").isGreaterThanOrEqualTo(0.80);
    }

    /** Confusion counts of one half of the pairs. */
    private static final class Counts {
        int pairs;
        int truePositives;
        int falsePositives;
        int falseNegatives;

        /** Counts one pair; returns what kind of miss it was, or null when the scorer agreed with the label. */
        String add(boolean predicted, boolean expected) {
            pairs++;
            if (predicted && expected) {
                truePositives++;
            } else if (predicted) {
                falsePositives++;
                return "false positive";
            } else if (expected) {
                falseNegatives++;
                return "false negative";
            }
            return null;
        }

        Counts plus(Counts other) {
            Counts sum = new Counts();
            sum.pairs = pairs + other.pairs;
            sum.truePositives = truePositives + other.truePositives;
            sum.falsePositives = falsePositives + other.falsePositives;
            sum.falseNegatives = falseNegatives + other.falseNegatives;
            return sum;
        }

        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }

        @Override
        public String toString() {
            return String.format("%d pairs, precision %.3f, recall %.3f", pairs, precision(), recall());
        }
    }

    private static Ticket ticket(JsonNode row) {
        String subject = row.get("subject").asString().strip();
        String detail = row.get("detail").asString().strip();
        String text = detail.startsWith(subject) ? detail : subject + "\n" + detail;
        var at = LocalDateTime.parse(row.get("time").asString().strip(), TIME).atZone(WorkingCalendar.ZONE).toInstant();
        return new Ticket("M" + row.get("id").asString(), "-", TicketStatus.RECEIVED, 1, "import", text,
                new ProtectedPhone("-", "-", "-"), null, null, "-", "-", "-", null, SlaClass.values()[0], false, at, at,
                null, null, List.of(), new TicketOrigin(row.get("id").asString(), row.get("up").asInt()));
    }

    /** The comment line after which the pairs are held out: never looked at while the scorer was tuned. */
    private static final String HELD_OUT = "# Held-out pairs";

    private static List<String[]> labelledPairs() throws IOException {
        List<String[]> pairs = new ArrayList<>();
        try (InputStream in = DuplicateQualityTest.class.getResourceAsStream("/hotspots/duplicate-pairs.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean heldOut = false;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(HELD_OUT)) {
                    heldOut = true;
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    pairs.add(new String[] {columns[0], columns[1], columns[2], columns[3], heldOut ? "held-out" : "tuning"});
                }
            }
        }
        return pairs;
    }

    /** {@code ../shared/data/<file>} in the nearest directory above the working directory that has it, or null. */
    static Path sharedData(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").resolve(file).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
