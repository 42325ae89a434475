package org.bianmin.hotline.hotspots;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How hot a cluster is over a period, from its members in that period:
 * {@code (reporters + ln(1 + likes)) x (0.6 + 0.4 x recency) x (0.8 + 0.2 x concentration)}, where
 * {@code reporters} counts distinct callers (a caller reporting five times is one reporter; callers unknown to us,
 * such as imported messages without a phone, count one each), {@code likes} sums the likes of imported messages,
 * {@code recency = exp(-days from the last report to the period's end / 30)}, and {@code concentration} is the
 * share of the reports that fall in the busiest 7 days. Reporters weigh most; many likes count as some more
 * reporters (100 likes as about 4.6); a problem reported this week ranks above one that went quiet months ago, and
 * a burst above the same number of reports spread thin.
 */
public record Heat(int reports, int reporters, int likes, double recency, double concentration, double value) {

    static final double RECENCY_DAYS = 30;
    static final Duration BURST = Duration.ofDays(7);

    public static Heat of(List<HotSpotMember> members, Instant periodEnd) {
        if (members.isEmpty()) {
            return new Heat(0, 0, 0, 0, 0, 0);
        }
        Set<String> reporters = new HashSet<>();
        int likes = 0;
        Instant last = Instant.MIN;
        for (HotSpotMember member : members) {
            reporters.add(member.reporter());
            likes += member.likes();
            last = member.at().isAfter(last) ? member.at() : last;
        }
        double days = Math.max(0, Duration.between(last, periodEnd).toMinutes() / (60.0 * 24));
        double recency = Math.exp(-days / RECENCY_DAYS);
        double concentration = members.isEmpty() ? 0 : busiestWeek(members) / (double) members.size();
        double value = (reporters.size() + Math.log1p(likes)) * (0.6 + 0.4 * recency) * (0.8 + 0.2 * concentration);
        return new Heat(members.size(), reporters.size(), likes, round(recency), round(concentration), round(value));
    }

    /** The most reports within any 7 days (members oldest first, or in any order: they are sorted here). */
    private static int busiestWeek(List<HotSpotMember> members) {
        List<Instant> times = members.stream().map(HotSpotMember::at).sorted().toList();
        int best = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (Duration.between(times.get(start), times.get(end)).compareTo(BURST) > 0) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
