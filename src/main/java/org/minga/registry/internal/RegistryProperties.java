package org.minga.registry.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxDocumentSize the largest PDF a legal act may carry; scanned acts of a few pages fit in
 *                        10 MB, and a larger file is refused with a message that names the limit
 */
@ConfigurationProperties("minga.registry")
public record RegistryProperties(@DefaultValue("10MB") DataSize maxDocumentSize) {
}
