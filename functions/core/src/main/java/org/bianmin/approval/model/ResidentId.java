package org.bianmin.approval.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An 18-digit resident ID number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd for
 * men), and an ISO 7064 MOD 11-2 check character (0-9 or X). Only valid numbers can be constructed.
 */
public record ResidentId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[1-9]\\d{5}(19|20)\\d{2}\\d{4}\\d{3}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Why a string is not a valid ID number (Chinese, for the applicant), or empty when it is valid. */
    public static Optional<String> problem(String candidate) {
        if (candidate == null) {
            return Optional.of("缺少身份证号码");
        }
        String upper = candidate.strip().toUpperCase();
        if (!FORMAT.matcher(upper).matches()) {
            return Optional.of("身份证号码应为18位，最后一位可以是数字或X");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(upper.substring(6, 10)), Integer.parseInt(upper.substring(10, 12)),
                    Integer.parseInt(upper.substring(12, 14)));
            if (birth.isAfter(LocalDate.now())) {
                return Optional.of("身份证号码中的出生日期晚于今天");
            }
        } catch (DateTimeException e) {
            return Optional.of("身份证号码中的出生日期无效");
        }
        if (checkCharacter(upper.substring(0, 17)) != upper.charAt(17)) {
            return Optional.of("身份证号码校验位不正确，请核对");
        }
        return Optional.empty();
    }

    public static ResidentId parse(String candidate) {
        problem(candidate).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return new ResidentId(candidate.strip().toUpperCase());
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate(), date).getYears();
    }

    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** 3302**********123X: region prefix and the last four only. */
    public String masked() {
        return value.substring(0, 4) + "**********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
