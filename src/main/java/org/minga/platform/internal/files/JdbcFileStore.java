package org.minga.platform.internal.files;

import java.util.UUID;

import org.minga.platform.FileStore;
import org.minga.platform.NotFoundException;
import org.minga.platform.internal.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
record JdbcFileStore(JdbcClient jdbc) implements FileStore {

    @Override
    public UUID put(String name, String contentType, byte[] content) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into stored_file (id, name, content_type, size, content, created_by)
                values (:id, :name, :type, :size, :content, :by)
                """).param("id", id).param("name", name == null ? "archivo" : name).param("type", contentType)
                .param("size", content.length).param("content", content).param("by", Actors.current()).update();
        return id;
    }

    @Override
    public byte[] content(UUID id) {
        return jdbc.sql("select content from stored_file where id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes("content")).optional().orElseThrow(() -> new NotFoundException("archivo", id));
    }

    @Override
    public void delete(UUID id) {
        jdbc.sql("delete from stored_file where id = :id").param("id", id).update();
    }
}
