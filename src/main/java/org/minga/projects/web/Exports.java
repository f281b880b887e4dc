package org.minga.projects.web;

import org.minga.platform.InvalidInputException;
import org.minga.projects.internal.Spreadsheets;
import org.springframework.web.multipart.MultipartFile;

/** The checks of an uploaded bank before it is read (downloads go through {@code TableDownloads}). */
final class Exports {

    private Exports() {
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
