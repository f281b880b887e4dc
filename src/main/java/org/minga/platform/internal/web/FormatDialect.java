package org.minga.platform.internal.web;

import java.util.Set;

import org.minga.platform.Zones;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@code #fmt} ({@link PageFormat}), the one way pages write dates and numbers.
 * Spring Boot adds every dialect bean to the template engine.
 */
@Component
class FormatDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final LocalFormats formats;
    private final Zones zones;

    FormatDialect(LocalFormats formats, Zones zones) {
        super("minga-format");
        this.formats = formats;
        this.zones = zones;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("fmt");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return new PageFormat(formats::current, zones.installation());
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
