package org.minga.projects.web;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.InvalidInputException;
import org.minga.projects.internal.Spreadsheets;
import org.springframework.web.multipart.MultipartFile;

/** Response headers of the downloads, and the checks of an uploaded bank before it is read. */
final class Exports {

    private Exports() {
    }

    static void xlsx(HttpServletResponse response, String name) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    static void csv(HttpServletResponse response, String name) {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    static void checkImport(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "Required", "projects.import.file");
        }
        if (file.getSize() > Spreadsheets.MAX_IMPORT_BYTES) {
            throw new InvalidInputException("file", "Size", "projects.import.size",
                    String.valueOf(Spreadsheets.MAX_IMPORT_BYTES / (1024 * 1024)));
        }
    }
}
