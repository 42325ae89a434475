package org.bianmin.inquiry.application;

import java.time.LocalDate;
import java.util.List;
import org.bianmin.inquiry.model.QuestionSignal;

/** Where the signals about answers are kept (the {@code answer-feedback} table), by the day they arrived. */
public interface FeedbackStore {

    /** Stores the signal; one with the same day and key replaces it. */
    void record(QuestionSignal signal);

    /** The signals of one day (Asia/Shanghai), at most {@code limit}, newest first. */
    List<QuestionSignal> ofDay(LocalDate day, int limit);

    /** For tests and runtimes that keep no feedback. */
    static FeedbackStore none() {
        return new FeedbackStore() {
            @Override
            public void record(QuestionSignal signal) {
            }

            @Override
            public List<QuestionSignal> ofDay(LocalDate day, int limit) {
                return List.of();
            }
        };
    }
}
