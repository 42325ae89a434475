package org.bianmin.hotline.hotspots;

import java.time.Instant;
import java.util.List;

/**
 * A hot spot (热点问题) of a period as staff see it: its short name (place and problem, from its members' words),
 * place, problem, the department handling most of it, its time span and heat in the period, and its members.
 */
public record HotSpot(String id, String name, String place, String problem, String department, String category,
                      Instant firstAt, Instant lastAt, Heat heat, List<HotSpotMember> members) {
}
