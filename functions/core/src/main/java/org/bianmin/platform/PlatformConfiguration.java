package org.bianmin.platform;

import java.time.Clock;
import java.util.List;
import org.bianmin.http.DependencyCheck;
import org.bianmin.http.HealthRoute;
import org.bianmin.queue.QueueBackend;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every capability shares and none owns: the clock, the queue backend (and its SQS client), and the health
 * route over every capability's dependency checks. Capabilities take these as beans instead of building their own.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** UTC; business rules convert to Asia/Shanghai where they need local days (WorkingCalendar). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    QueueBackend queueBackend(RuntimeProperties runtime) {
        return new QueueBackend(runtime.local());
    }

    /** {@code GET /health}: each dependency's state, from every {@link DependencyCheck} bean. */
    @Bean
    HealthRoute healthRoute(List<DependencyCheck> checks) {
        return new HealthRoute(checks);
    }
}
