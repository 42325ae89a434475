package org.bianmin.hotline.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mainland China phone number, normalized: a mobile as 11 digits, a landline as {@code 0area-number}. Only its
 * masked form ever leaves the intake; the full number is stored encrypted and looked up by keyed hash.
 */
public record PhoneNumber(String normalized, boolean mobile) {

    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86)?(1[3-9]\\d{9})");
    private static final Pattern LANDLINE = Pattern.compile("(?:\\+?86)?(0\\d{2,3})(\\d{7,8})");

    /** Parses what a caller types: spaces, dashes and a +86 prefix are allowed. */
    public static Optional<PhoneNumber> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.strip().replaceAll("[\\s\\-()]", "");
        Matcher mobile = MOBILE.matcher(digits);
        if (mobile.matches()) {
            return Optional.of(new PhoneNumber(mobile.group(1), true));
        }
        Matcher landline = LANDLINE.matcher(digits);
        if (landline.matches()) {
            return Optional.of(new PhoneNumber(landline.group(1) + "-" + landline.group(2), false));
        }
        return Optional.empty();
    }

    /** 138****5678, or 0574-****4321 for a landline. */
    public String masked() {
        if (mobile) {
            return normalized.substring(0, 3) + "****" + normalized.substring(7);
        }
        int dash = normalized.indexOf('-');
        return normalized.substring(0, dash + 1) + "****" + normalized.substring(normalized.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
