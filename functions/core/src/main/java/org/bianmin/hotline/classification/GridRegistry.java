package org.bianmin.hotline.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bianmin.hotline.model.GridAssignment;
import org.bianmin.hotline.model.Location;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city's grids ({@code hotline/grids.json}): district -> street -> community -> grid -> grid staff. Locates
 * the grid for a request by community name or alias, by a road name inside a community found in the address,
 * or by the nearest community centre within {@link #MAX_DISTANCE_METERS} of the coordinates.
 */
public final class GridRegistry {

    public static final String RESOURCE = "hotline/grids.json";
    static final double MAX_DISTANCE_METERS = 1500;

    /** A community with everything that identifies it and its first grid (where its requests go by default). */
    record Community(String name, List<String> aliases, List<String> addressHints, double lat, double lon,
                     GridAssignment grid) {
    }

    private final List<Community> communities;

    GridRegistry(List<Community> communities) {
        this.communities = List.copyOf(communities);
    }

    public static GridRegistry loadDefault() {
        try (InputStream in = GridRegistry.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            List<Community> communities = new ArrayList<>();
            for (JsonNode district : JsonMapper.builder().build().readTree(in).required("districts")) {
                for (JsonNode street : district.required("streets")) {
                    for (JsonNode community : street.required("communities")) {
                        JsonNode grid = community.required("grids").get(0);
                        List<String> aliases = new ArrayList<>();
                        community.path("aliases").forEach(a -> aliases.add(a.stringValue()));
                        List<String> hints = new ArrayList<>();
                        community.path("addressHints").forEach(h -> hints.add(h.stringValue()));
                        communities.add(new Community(community.required("name").stringValue(), aliases, hints,
                                community.required("center").required("lat").doubleValue(),
                                community.required("center").required("lon").doubleValue(),
                                new GridAssignment(grid.required("code").stringValue(), grid.required("name").stringValue(),
                                        community.required("name").stringValue(), street.required("name").stringValue(),
                                        district.required("name").stringValue())));
                    }
                }
            }
            return new GridRegistry(communities);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Optional<GridAssignment> locate(Location location) {
        if (location == null) {
            return Optional.empty();
        }
        String named = join(location.community(), location.address());
        if (!named.isEmpty()) {
            // the longest matching name wins: "桂花苑二期" must not be taken for "桂花苑"'s neighbour "桂花"
            Optional<Community> byName = communities.stream()
                    .filter(c -> mentions(named, c))
                    .max(Comparator.comparingInt(c -> longestMention(named, c)));
            if (byName.isPresent()) {
                return Optional.of(byName.get().grid());
            }
        }
        if (location.hasCoordinates()) {
            return communities.stream()
                    .filter(c -> distanceMeters(c, location) <= MAX_DISTANCE_METERS)
                    .min(Comparator.comparingDouble(c -> distanceMeters(c, location)))
                    .map(Community::grid);
        }
        return Optional.empty();
    }

    private static boolean mentions(String text, Community community) {
        return longestMention(text, community) > 0;
    }

    private static int longestMention(String text, Community community) {
        int longest = 0;
        for (String name : names(community)) {
            if (text.contains(name)) {
                longest = Math.max(longest, name.length());
            }
        }
        return longest;
    }

    private static List<String> names(Community community) {
        List<String> names = new ArrayList<>(community.aliases());
        names.add(community.name());
        names.addAll(community.addressHints());
        return names;
    }

    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                text.append(part).append(' ');
            }
        }
        return text.toString().strip();
    }

    /** Equirectangular approximation: accurate to well under a metre at city scale. */
    static double distanceMeters(Community community, Location location) {
        double earth = 6_371_000;
        double x = Math.toRadians(location.lon() - community.lon()) * Math.cos(Math.toRadians((location.lat() + community.lat()) / 2));
        double y = Math.toRadians(location.lat() - community.lat());
        return Math.sqrt(x * x + y * y) * earth;
    }

    public int size() {
        return communities.size();
    }
}
