package org.minga.projects.internal;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.minga.platform.FileStore;
import org.minga.platform.JobHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * A project bank file imported as a job, so that a file of thousands of rows shows its progress
 * instead of holding the request: the same {@link ProjectImport}, all or nothing. Its problems (row,
 * column, reason) are listed on the job's page in the language of the person who uploaded the file.
 */
@Component
public record ProjectImportJob(ProjectImport imports, FileStore files, MessageSource messages)
        implements JobHandler<ProjectImportJob.Request> {

    public static final String TYPE = "projects.import";

    /** The stored upload, its name, and the uploader's language tag (es, en). */
    public record Request(long schemeId, UUID fileId, String fileName, String language) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Request> payloadType() {
        return Request.class;
    }

    @Override
    public Object run(Request request, Progress progress) {
        Locale locale = Locale.forLanguageTag(request.language());
        LocaleContextHolder.setLocale(locale);
        try {
            var result = imports.run(request.schemeId(), new ByteArrayInputStream(files.content(request.fileId())),
                    progress);
            if (!result.clean()) {
                throw new Refused(messages.getMessage("projects.import.refused", new Object[] {result.errors().size()},
                        locale), result.errors().stream().map(e -> new Problem(e.row(), e.column(), e.message())).toList());
            }
            progress.report(100, messages.getMessage("projects.import.done", new Object[] {result.imported()}, locale));
            return Map.of("imported", result.imported(), "fileName", request.fileName());
        } finally {
            // Imported or refused, the upload has done its work; trying again uploads the file again.
            files.delete(request.fileId());
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Override
    public String resultLink(Request request, JsonNode result) {
        return "/projects/schemes/" + request.schemeId();
    }

    @Override
    public String retryLink(Request request) {
        return "/projects/schemes/" + request.schemeId() + "/import";
    }
}
