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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.hotline.hotspots.AssigningHotSpot;
import org.bianmin.hotline.hotspots.Heat;
import org.bianmin.hotline.hotspots.HotSpot;
import org.bianmin.hotline.hotspots.HotSpotMember;
import org.bianmin.hotline.hotspots.ListingHotSpots;
import org.bianmin.hotline.hotspots.InMemoryHotSpotStore;
import org.bianmin.hotline.model.ProtectedPhone;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketOrigin;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hot spots against real messages: every message of the hot-spot data set, in file order as the import sends them,
 * is clustered by the real clustering ({@link AssigningHotSpot}, the store's contract held in memory: the question
 * here is the clustering's quality; the DynamoDB store is tested on dynalite in {@link HotSpotsTest}), and the period's listing is compared with the hot spots labelled
 * by hand (src/test/resources/hotspots/hot-spots.tsv, ids only). The labelled hot spots are ranked by the same heat
 * over their labelled members; each of the five hottest must be found among the ten hot spots returned, where
 * "found" means a returned hot spot holds at least half of the label's members and at least half of its own members
 * are the label's. Skipped when {@code ../shared/data} is absent.
 */
class HotSpotQualityTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss");
    static final LocalDate FROM = LocalDate.parse("2019-01-01");
    static final LocalDate TO = LocalDate.parse("2020-01-01");
    private static final int TOP_LABELLED = 5;
    private static final int RETURNED = 10;

    @Test
    void theFiveHottestLabelledHotSpotsAreAmongTheTenReturned() throws IOException {
        Path messages = DuplicateQualityTest.sharedData("hotspots/messages.jsonl");
        assumeTrue(messages != null, "../shared/data/hotspots/messages.jsonl is absent: hot-spot quality is not measured");
        InMemoryHotSpotStore store = new InMemoryHotSpotStore();
        AssigningHotSpot assigning = new AssigningHotSpot(store, Knowledge.ANALYZER);
        Map<String, HotSpotMember> byId = new LinkedHashMap<>();
        Map<String, String> idOfTrackingNumber = new LinkedHashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        long started = System.nanoTime();
        for (String line : Files.readAllLines(messages, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Ticket ticket = ticket(json.readTree(line));
            assigning.assign(ticket);
            byId.put(ticket.externalId(), new HotSpotMember(ticket.trackingNumber(), ticket.externalId(),
                    ticket.createdAt(), ticket.origin().likes(), "ticket:" + ticket.trackingNumber()));
            idOfTrackingNumber.put(ticket.trackingNumber(), ticket.externalId());
        }
        System.out.printf("clustered %d messages in %.1f s%n", byId.size(), (System.nanoTime() - started) / 1e9);

        Instant from = FROM.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = TO.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant().minusNanos(1);
        List<HotSpot> returned = new ListingHotSpots(store).hottest(from, to, RETURNED, department -> true);
        Map<String, Set<String>> labels = labelledHotSpots();
        Map<String, Double> labelledHeat = new LinkedHashMap<>();
        labels.forEach((label, ids) -> labelledHeat.put(label, Heat.of(ids.stream().map(byId::get)
                .filter(m -> !m.at().isBefore(from) && !m.at().isAfter(to)).toList(), to).value()));
        List<String> hottestLabels = labelledHeat.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP_LABELLED)
                .map(Map.Entry::getKey).toList();

        List<String> report = new ArrayList<>();
        for (int i = 0; i < returned.size(); i++) {
            HotSpot hot = returned.get(i);
            Set<String> ids = new HashSet<>(hot.members().stream().map(m -> idOfTrackingNumber.get(m.trackingNumber())).toList());
            report.add(String.format("%2d. heat %.2f, %d reports: %s -> %s", i + 1, hot.heat().value(), hot.members().size(),
                    hot.name(), bestLabel(ids, labels)));
        }
        report.forEach(System.out::println);
        List<String> missing = new ArrayList<>();
        for (String label : hottestLabels) {
            Set<String> members = labels.get(label);
            boolean found = returned.stream().anyMatch(hot -> {
                Set<String> ids = new HashSet<>(hot.members().stream().map(m -> idOfTrackingNumber.get(m.trackingNumber())).toList());
                long shared = ids.stream().filter(members::contains).count();
                return shared * 2 >= members.size() && shared * 2 >= ids.size();
            });
            Map<String, Long> clustersOfLabel = members.stream().map(id -> store.clusterOf(byId.get(id).trackingNumber())
                    .orElse("none")).collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()));
            System.out.printf("labelled %s (heat %.2f, %d members): %s; its members' clusters (members of the label): %s%n",
                    label, labelledHeat.get(label), members.size(), found ? "found in the top " + RETURNED : "MISSING",
                    clustersOfLabel.values().stream().sorted(Comparator.reverseOrder()).toList());
            if (!found) {
                missing.add(label);
            }
        }
        assertThat(returned).hasSize(RETURNED);
        // the issue's target: all five (docs/hotline.md, "Hot spots", quality)
        assertThat(missing).as("labelled hot spots missing from the top " + RETURNED).isEmpty();
    }

    private static String bestLabel(Set<String> ids, Map<String, Set<String>> labels) {
        return labels.entrySet().stream()
                .max(Comparator.comparingLong(e -> e.getValue().stream().filter(ids::contains).count()))
                .filter(e -> e.getValue().stream().anyMatch(ids::contains))
                .map(e -> e.getKey() + " (" + e.getValue().stream().filter(ids::contains).count() + " of "
                        + e.getValue().size() + " labelled)")
                .orElse("no label");
    }

    /** A message as the import files it: subject and detail, original time, likes, no phone, no place fields. */
    static Ticket ticket(JsonNode row) {
        String subject = row.get("subject").asString().strip();
        String detail = row.get("detail").asString().strip();
        String text = detail.startsWith(subject) ? detail : subject + "\n" + detail;
        Instant at = LocalDateTime.parse(row.get("time").asString().strip(), TIME).atZone(WorkingCalendar.ZONE).toInstant();
        String id = row.get("id").asString();
        return new Ticket("Q" + id, "-", TicketStatus.RECEIVED, 1, "import", text,
                new ProtectedPhone("unknown", "0000-****0000", "-"), null, null, "-", "-", "-", null,
                SlaClass.values()[0], false, at, at, null, null, List.of(), new TicketOrigin(id, row.get("up").asInt()));
    }

    static Map<String, Set<String>> labelledHotSpots() throws IOException {
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        try (InputStream in = HotSpotQualityTest.class.getResourceAsStream("/hotspots/hot-spots.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    labels.put(columns[0], new HashSet<>(Arrays.asList(columns[2].split(","))));
                }
            }
        }
        assertThat(labels).hasSizeGreaterThanOrEqualTo(15);
        return labels;
    }
}
