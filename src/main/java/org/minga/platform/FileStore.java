package org.minga.platform;

import java.util.UUID;

/** Uploaded files, kept in the database so that any node (and any job) can read them. */
public interface FileStore {

    UUID put(String name, String contentType, byte[] content);

    /** The file's bytes; throws {@link NotFoundException} if it is not there. */
    byte[] content(UUID id);

    void delete(UUID id);
}
