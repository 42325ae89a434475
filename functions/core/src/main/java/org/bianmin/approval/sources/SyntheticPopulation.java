package org.bianmin.approval.sources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bianmin.approval.model.ResidentId;

/**
 * A deterministic synthetic population for the embedded default and the tests: people with valid-checksum resident
 * ID numbers and, per data source, a record that mirrors what that register would hold. Proportions are chosen so
 * that every service item has eligible and ineligible people. Nothing here is real personal data.
 */
public final class SyntheticPopulation {

    public static final List<String> SOURCES = List.of("population", "socialInsurance", "realEstate", "disability",
            "credit", "education", "civilAffairs", "housing");
    private static final String[] REGIONS = {"330201", "330203", "330205", "330206", "330211", "330212", "330281"};

    private final List<ResidentId> people = new ArrayList<>();
    private final Map<String, Map<String, Map<String, Object>>> records = new HashMap<>();

    public SyntheticPopulation(int size, long seed, LocalDate today) {
        Random random = new Random(seed);
        for (String source : SOURCES) {
            records.put(source, new HashMap<>());
        }
        while (people.size() < size) {
            LocalDate birth = LocalDate.of(1925 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String first17 = REGIONS[random.nextInt(REGIONS.length)] + birth.toString().replace("-", "")
                    + String.format("%03d", random.nextInt(1000));
            ResidentId id = new ResidentId(first17 + ResidentId.checkCharacter(first17));
            if (records.get("population").containsKey(id.value())) {
                continue;
            }
            people.add(id);
            int age = id.ageOn(today);
            put("population", id, "age", age, "localHukou", random.nextInt(10) < 8, "alive", random.nextInt(50) > 0,
                    "male", id.male());
            put("socialInsurance", id, "monthsPaidLast12", random.nextInt(13), "flexibleEmployment", random.nextInt(7) == 0,
                    "registeredUnemployed", random.nextInt(12) == 0);
            put("realEstate", id, "ownedProperties", random.nextInt(10) < 5 ? 0 : 1 + random.nextInt(3));
            boolean certified = random.nextInt(12) == 0;
            put("disability", id, "certified", certified, "level", certified ? 1 + random.nextInt(4) : 0);
            put("credit", id, "dishonestDebtor", random.nextInt(30) == 0);
            put("education", id, "degreeLevel", random.nextInt(10) < 5 ? 0 : 1 + random.nextInt(3));
            put("civilAffairs", id, "minimumLiving", random.nextInt(15) == 0);
            put("housing", id, "rentalContractFiled", random.nextInt(10) < 3);
        }
    }

    private void put(String source, ResidentId id, Object... pairs) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            record.put((String) pairs[i], pairs[i + 1]);
        }
        records.get(source).put(id.value(), Map.copyOf(record));
    }

    public List<ResidentId> people() {
        return List.copyOf(people);
    }

    public Map<String, Object> record(String source, ResidentId id) {
        return records.get(source).get(id.value());
    }
}
