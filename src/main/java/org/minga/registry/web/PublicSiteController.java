package org.minga.registry.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.NotFoundException;
import org.minga.platform.web.Audience;
import org.minga.platform.web.PublicCaching;
import org.minga.platform.web.PublicPages;
import org.minga.platform.web.Reader;
import org.minga.registry.internal.PublicRegister;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What search engines and feed readers read: the Atom feed of the register's events, the sitemap
 * (an index of files, each a fixed range of ids of one list, so 100,000 projects stay under the
 * protocol's 50,000 addresses per file and each file is one keyset query), and robots.txt.
 */
@Audience(Reader.PUBLIC)
@Controller
record PublicSiteController(PublicRegister register, ObjectProvider<PublicPages> lists, PublicCaching caching,
        MessageSource messages) {

    static final int FEED_ENTRIES = 50;
    /** Ids per sitemap file: well under the protocol's 50,000 addresses. */
    static final int IDS_PER_FILE = 10_000;
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @GetMapping("/public/feed.atom")
    void feed(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        if (caching.notModified(request, response, locale)) {
            return;
        }
        List<PublicRegister.Event> events = register.latestEvents(FEED_ENTRIES);
        String base = base();
        response.setContentType("application/atom+xml;charset=UTF-8");
        xml(response.getOutputStream(), w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            element(w, "id", base + "/public/feed.atom");
            element(w, "title", text("public.feed.title", locale));
            element(w, "subtitle", text("public.feed.subtitle", locale));
            element(w, "updated", stamp(events.isEmpty() ? Instant.EPOCH : events.getFirst().recordedAt()));
            link(w, "self", base + "/public/feed.atom", "application/atom+xml");
            link(w, "alternate", base + "/", "text/html");
            w.writeStartElement("author");
            element(w, "name", "Minga");
            w.writeEndElement();
            for (PublicRegister.Event e : events) {
                String profile = base + "/public/schemes/" + e.schemeId();
                w.writeStartElement("entry");
                element(w, "id", profile + "#event-" + e.id());
                element(w, "title", e.schemeName() + " — " + text("public.event." + e.type().name(), locale));
                element(w, "updated", stamp(e.recordedAt()));
                link(w, "alternate", profile, "text/html");
                w.writeStartElement("summary");
                w.writeCharacters(e.occurredOn() + ": " + e.summary());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** The sitemap index: the site's own pages, then each list's files. */
    @GetMapping("/sitemap.xml")
    void sitemapIndex(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        if (caching.notModified(request, response, locale)) {
            return;
        }
        String base = base();
        response.setContentType("application/xml;charset=UTF-8");
        xml(response.getOutputStream(), w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP);
            sitemapEntry(w, base + "/sitemaps/site.xml");
            for (PublicPages list : lists.orderedStream().toList()) {
                for (long n = 0; n * IDS_PER_FILE < list.maxId(); n++) {
                    sitemapEntry(w, base + "/sitemaps/" + list.name() + "-" + n + ".xml");
                }
            }
            w.writeEndElement();
        });
    }

    /** The home and the observatory. */
    @GetMapping("/sitemaps/site.xml")
    void siteSitemap(HttpServletResponse response) throws IOException {
        String base = base();
        response.setContentType("application/xml;charset=UTF-8");
        xml(response.getOutputStream(), w -> {
            urlset(w);
            url(w, base + "/", null);
            url(w, base + "/public/observatory", null);
            w.writeEndElement();
        });
    }

    /** One list's ids from {@code n × 10,000 + 1} to {@code (n + 1) × 10,000}: one keyset query. */
    @GetMapping("/sitemaps/{name}-{n}.xml")
    void listSitemap(@PathVariable String name, @PathVariable long n, HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws IOException {
        PublicPages list = lists.orderedStream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("sitemap", name));
        if (n < 0 || n * IDS_PER_FILE >= Math.max(list.maxId(), 1)) {
            throw new NotFoundException("sitemap", name + "-" + n);
        }
        if (caching.notModified(request, response, locale)) {
            return;
        }
        long last = (n + 1) * IDS_PER_FILE;
        List<PublicPages.Page> pages = list.after(n * IDS_PER_FILE, IDS_PER_FILE).stream()
                .filter(p -> p.id() <= last).toList();
        String base = base();
        response.setContentType("application/xml;charset=UTF-8");
        xml(response.getOutputStream(), w -> {
            urlset(w);
            for (PublicPages.Page p : pages) {
                url(w, base + p.path(), p.lastModified() == null ? null : p.lastModified().toString());
            }
            w.writeEndElement();
        });
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    @org.springframework.web.bind.annotation.ResponseBody
    String robots() {
        return "User-agent: *\nAllow: /\nDisallow: /login\n\nSitemap: " + base() + "/sitemap.xml\n";
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static void xml(OutputStream out, Body body) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
        w.writeAttribute("type", type);
    }

    private static void urlset(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("urlset");
        w.writeDefaultNamespace(SITEMAP);
    }

    private static void url(XMLStreamWriter w, String loc, String lastModified) throws XMLStreamException {
        w.writeStartElement("url");
        element(w, "loc", loc);
        if (lastModified != null) {
            element(w, "lastmod", lastModified);
        }
        w.writeEndElement();
    }

    private static void sitemapEntry(XMLStreamWriter w, String loc) throws XMLStreamException {
        w.writeStartElement("sitemap");
        element(w, "loc", loc);
        w.writeEndElement();
    }

    /** RFC 3339 in UTC, to the second, as Atom asks. */
    private static String stamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
