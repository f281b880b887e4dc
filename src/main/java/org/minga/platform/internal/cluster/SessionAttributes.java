package org.minga.platform.internal.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.util.ClassUtils;

/**
 * Java serialization of session attributes, with one addition: a record that is not
 * {@link Serializable} (the results pages show once after a redirect, kept as flash attributes) is
 * written as its class and components and rebuilt through its canonical constructor. Only this
 * application's nodes write and read these bytes.
 */
final class SessionAttributes {

    private SessionAttributes() {
    }

    static byte[] write(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (RecordsOut out = new RecordsOut(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new SerializationFailedException("Cannot keep a session attribute of " + value.getClass(), e);
        }
        return bytes.toByteArray();
    }

    static Object read(byte[] bytes) {
        try (RecordsIn in = new RecordsIn(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new SerializationFailedException("Cannot read a session attribute", e);
        }
    }

    /** A non-serializable record as written: its class and its components in declaration order. */
    private record RecordForm(String type, Object[] components) implements Serializable {
    }

    private static final class RecordsOut extends ObjectOutputStream {

        RecordsOut(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object value) throws IOException {
            if (value instanceof Record && !(value instanceof Serializable)) {
                RecordComponent[] parts = value.getClass().getRecordComponents();
                Object[] components = new Object[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        parts[i].getAccessor().setAccessible(true);
                        components[i] = parts[i].getAccessor().invoke(value);
                    } catch (ReflectiveOperationException e) {
                        throw new IOException(e);
                    }
                }
                return new RecordForm(value.getClass().getName(), components);
            }
            return value;
        }
    }

    private static final class RecordsIn extends ObjectInputStream {

        private static final ObjectInputFilter SESSION_TYPES = ObjectInputFilter.Config
                .createFilter("maxdepth=50;org.minga.**;org.springframework.**;java.**;jakarta.**;!*");

        private final ClassLoader loader = ClassUtils.getDefaultClassLoader();

        RecordsIn(InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
            // Only the types a session holds (Minga's, Spring's, the JDK's): a tampered row cannot
            // make a node build anything else.
            setObjectInputFilter(SESSION_TYPES);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass type) throws IOException, ClassNotFoundException {
            return ClassUtils.forName(type.getName(), loader);
        }

        @Override
        protected Object resolveObject(Object value) throws IOException {
            if (value instanceof RecordForm form) {
                if (!form.type().startsWith("org.minga.")) {
                    throw new InvalidClassException(form.type(), "not a record of Minga's");
                }
                try {
                    Class<?> type = ClassUtils.forName(form.type(), loader);
                    Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                            .toArray(Class<?>[]::new);
                    var constructor = type.getDeclaredConstructor(types);
                    constructor.setAccessible(true);
                    return constructor.newInstance(form.components());
                } catch (ReflectiveOperationException e) {
                    throw new IOException("Cannot rebuild " + form.type(), e);
                }
            }
            return value;
        }
    }
}
