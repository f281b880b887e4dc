package org.minga.platform.internal.time;

import java.time.Clock;
import java.time.ZoneId;

import org.minga.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, in the installation's zone; tests may replace the bean. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${minga.time-zone}") ZoneId zone) {
        return Clock.system(zone);
    }

    @Bean
    Zones zones(Clock clock) {
        return new Zones(clock);
    }
}
