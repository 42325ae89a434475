package org.bianmin.approval.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.bianmin.approval.model.ResidentId;

/**
 * A mainland resident ID number (format, birth date and check character). The 400 says what is wrong with it, in
 * the words of {@link ResidentId#problem}, under the code {@code INVALID_ID_NUMBER}.
 */
@Target({ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ResidentIdNumber.Check.class)
@interface ResidentIdNumber {

    String message() default "INVALID_ID_NUMBER:身份证号码无效。";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<ResidentIdNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Optional<String> problem = ResidentId.problem(value);
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // The problem text is ours (no braces or dollar signs), so it is safe as a message template.
            context.buildConstraintViolationWithTemplate("INVALID_ID_NUMBER:" + problem.get() + "。").addConstraintViolation();
            return false;
        }
    }
}
