package org.minga.platform.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the layout adds to a public page for search engines: its description and its canonical
 * address (absolute). A page carrying it is also served without the CSRF header, so an anonymous
 * visit sets no cookie and stays cacheable.
 */
public record PublicPage(String description, String canonical) {

    public static PublicPage of(String description, String path) {
        return new PublicPage(description, ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString());
    }
}
