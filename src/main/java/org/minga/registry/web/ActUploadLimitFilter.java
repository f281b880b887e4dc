package org.minga.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.web.Problems;
import org.minga.registry.internal.PdfDocuments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.ObjectMapper;

/**
 * The request-size limits of act uploads. Spring's multipart limit is one for the whole application
 * and must admit boundary files of a whole country (hundreds of megabytes). So an API upload far
 * above the PDF limit is refused here, before Spring parses it to disk, with the same field and
 * rule the service would name. A page upload is left to Spring up to its limit, so the page shows
 * the refusal beside the field and keeps what was typed; beyond Spring's limit the form could not
 * be read at all (the CSRF check would see no token and answer "forbidden"), so the browser is sent
 * back to the scheme page, which then says the document was too large.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ActUploadLimitFilter extends OncePerRequestFilter {

    /** Room for the form's other fields and the multipart boundaries around the PDF. */
    static final long MARGIN = 1024 * 1024;
    private static final Pattern ACT_UPLOAD = Pattern.compile("(/api/v1)?/registry/schemes/(\\d+)/acts/?");
    private final PdfDocuments documents;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final long maxRequest;

    ActUploadLimitFilter(PdfDocuments documents, MessageSource messages, LocaleResolver locales, ObjectMapper json,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest) {
        this.documents = documents;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.maxRequest = maxRequest.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !ACT_UPLOAD.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        Matcher upload = ACT_UPLOAD.matcher(path(request));
        upload.matches();
        boolean api = upload.group(1) != null;
        if (api && length > documents.maxBytes() + MARGIN) {
            drain(request, length);
            String mb = Long.toString(documents.maxBytes() / (1024 * 1024));
            String message = messages.getMessage("act.document.size", new Object[] {mb},
                    locales.resolveLocale(request));
            Problems.write(request, response, json, HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    "Archivo demasiado grande", message,
                    Map.of("errors", List.of(new Problems.FieldProblem("document", "Size", message))));
        } else if (!api && length > maxRequest) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + "/registry/schemes/" + upload.group(2)
                    + "?documentTooLarge#acts");
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * Reads the refused body to its end, so the client, still sending, gets to read the answer
     * instead of a reset connection. Bodies beyond Spring's own limit are not read at all.
     */
    private void drain(HttpServletRequest request, long length) throws IOException {
        if (length > maxRequest) {
            return;
        }
        try (InputStream in = request.getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
