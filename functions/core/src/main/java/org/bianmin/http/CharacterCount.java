package org.bianmin.http;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The length of a text as a citizen counts it: characters (code points) after trimming white space, so an emoji
 * is one character and leading blanks do not count. {@code null} is valid (combine with {@code @NotBlank}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CharacterCount.Check.class)
public @interface CharacterCount {

    int min() default 0;

    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<CharacterCount, String> {

        private int min;
        private int max;

        @Override
        public void initialize(CharacterCount annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String text = value.strip();
            int count = text.codePointCount(0, text.length());
            return count >= min && count <= max;
        }
    }
}
