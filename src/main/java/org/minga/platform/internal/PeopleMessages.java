package org.minga.platform.internal;

import java.time.LocalDate;
import java.util.Locale;

import org.minga.platform.CountryFormat;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The messages (messages*.properties) with a date argument written as people read it: "anterior al
 * inicio del periodo (01/05/2024)", never the ISO form a {@code LocalDate} prints by itself. Replaces
 * Spring Boot's message source with the same settings (UTF-8, no fallback to the machine's locale).
 */
@Configuration(proxyBeanMethods = false)
class PeopleMessages {

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource() {
            @Override
            protected Object[] resolveArguments(Object[] args, Locale locale) {
                Object[] resolved = super.resolveArguments(args, locale);
                for (int i = 0; i < resolved.length; i++) {
                    if (resolved[i] instanceof LocalDate day) {
                        resolved[i] = CountryFormat.DATE.format(day);
                    }
                }
                return resolved;
            }
        };
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
