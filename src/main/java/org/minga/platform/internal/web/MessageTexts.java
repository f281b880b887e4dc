package org.minga.platform.internal.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.minga.platform.web.MessageText;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Writes a {@link MessageText} component as text in the request's language, so that no JSON
 * answer carries a bare message key ({@code planning.reason.unmeasured}).
 */
@Configuration(proxyBeanMethods = false)
class MessageTexts {

    @Bean
    JacksonModule messageTextModule(MessageSource messages) {
        return new SimpleModule("minga-message-text").setSerializerModifier(new ValueSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
                    BeanDescription.Supplier description, List<BeanPropertyWriter> properties) {
                return properties.stream().map(p -> {
                    MessageText annotation = p.getAnnotation(MessageText.class);
                    if (annotation == null) {
                        return p;
                    }
                    BeanPropertyWriter args = properties.stream().filter(o -> o.getName().equals(annotation.args()))
                            .findFirst().orElse(null);
                    return (BeanPropertyWriter) new Resolved(p, args, annotation.text(), messages);
                }).toList();
            }
        });
    }

    static final class Resolved extends BeanPropertyWriter {

        private final BeanPropertyWriter args;
        private final String textName;
        private final transient MessageSource messages;

        Resolved(BeanPropertyWriter base, BeanPropertyWriter args, String textName, MessageSource messages) {
            super(base);
            this.args = args;
            this.textName = textName;
            this.messages = messages;
        }

        @Override
        public void serializeAsProperty(Object bean, JsonGenerator g, SerializationContext context) throws Exception {
            Object key = get(bean);
            String text = key == null ? null : text(key.toString(), args == null ? null : args.get(bean));
            if (textName.isEmpty()) {
                g.writeName(getName());
                g.writeString(text);
                return;
            }
            super.serializeAsProperty(bean, g, context);
            g.writeName(textName);
            g.writeString(text);
        }

        private String text(String key, Object arguments) {
            Object[] values = arguments instanceof Collection<?> c ? c.toArray()
                    : arguments instanceof Object[] a ? a : null;
            Locale locale = LocaleContextHolder.getLocale();
            return messages.getMessage(key, values, key, locale);
        }
    }
}
