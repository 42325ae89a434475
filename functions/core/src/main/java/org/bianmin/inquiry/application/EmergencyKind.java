package org.bianmin.inquiry.application;

import java.util.List;
import java.util.regex.Pattern;
import org.bianmin.inquiry.model.Emergency;

/**
 * One kind of emergency from the safety data file: how it is recognised and what the citizen is told.
 *
 * @param triggers any one of them recognises the kind; a trigger holds when all of its patterns are found
 */
public record EmergencyKind(String id, String label, Emergency.Hotline call, List<Emergency.Hotline> alsoCall,
                            String domain, String department, List<String> steps, List<Trigger> triggers) {

    public EmergencyKind {
        alsoCall = List.copyOf(alsoCall);
        steps = List.copyOf(steps);
        triggers = List.copyOf(triggers);
    }

    boolean matches(String text) {
        return triggers.stream().anyMatch(t -> t.holdsIn(text));
    }

    Emergency toEmergency() {
        return new Emergency(id, label, call, alsoCall, steps);
    }

    /** Patterns that must all be found in the text ("a smell" and "someone feels dizzy"). */
    public record Trigger(List<Pattern> patterns) {

        public Trigger {
            patterns = List.copyOf(patterns);
        }

        boolean holdsIn(String text) {
            return patterns.stream().allMatch(p -> p.matcher(text).find());
        }
    }
}
