package org.minga.platform.web;

import java.time.LocalDate;
import java.util.List;

/**
 * A module's public pages for the sitemap, read a page at a time by id (keyset), so a register of
 * thousands of schemes and projects is listed without loading it at once.
 */
public interface PublicPages {

    /** The name of the list, as the sitemap's files are named ({@code schemes}, {@code projects}). */
    String name();

    /** The highest id there is (0 when none): the sitemap cuts the ids into files of fixed ranges. */
    long maxId();

    /** The next pages after {@code afterId}, by id, at most {@code limit}. */
    List<Page> after(long afterId, int limit);

    /** A public page: the record's id (the keyset), its path and the day it last changed, when known. */
    record Page(long id, String path, LocalDate lastModified) {
    }
}
