package org.minga.platform.internal.web.input;

import org.minga.platform.TextRule;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every JSON body the API reads goes through these checks: a text, decimal, double or date that
 * breaks a {@link TextRule} stops the request with a 400 naming the field, before any service
 * runs. They wrap Jackson's own deserializers, so formats and coercions stay as they were.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputRules {

    @Bean
    JacksonModule inputRulesModule() {
        return new SimpleModule("minga-input-rules").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class || type == BigDecimal.class || type == Double.class || type == double.class
                        || type == LocalDate.class) {
                    return new Checked(deserializer, type, null, 0);
                }
                return deserializer;
            }
        });
    }

    /** Jackson's deserializer for the type, then the rule for its kind of value. */
    static final class Checked extends DelegatingDeserializer {
        private final Class<?> type;
        private final String field;
        private final int max;

        Checked(ValueDeserializer<?> delegate, Class<?> type, String field, int max) {
            super(delegate);
            this.type = type;
            this.field = field;
            this.max = max;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate, type, field, max);
        }

        /** A text learns its field: its kind (one line or long) and its own {@code @Size}. */
        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            Checked checked = (Checked) super.createContextual(ctxt, property);
            if (type != String.class || property == null) {
                return checked;
            }
            String name = property.getName();
            Size size = property.getAnnotation(Size.class);
            int own = size != null && size.max() > (TextRule.isLong(name) ? TextRule.LONG_MAX : TextRule.LINE_MAX)
                    ? size.max() : 0;
            return new Checked(checked.getDelegatee(), type, name, own);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            TextRule.Broken broken = switch (value) {
                case String s -> TextRule.check(field, s, max);
                case BigDecimal d -> TextRule.checkNumber(d);
                case Double d -> d.isNaN() || d.isInfinite() ? TextRule.numberOutOfRange()
                        : TextRule.checkNumber(BigDecimal.valueOf(d));
                case LocalDate d -> TextRule.checkDate(d);
                case null, default -> null;
            };
            if (broken != null) {
                throw new RejectedValue(p, type, broken);
            }
            return value;
        }
    }
}
