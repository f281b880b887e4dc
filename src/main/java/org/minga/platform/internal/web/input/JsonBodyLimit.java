package org.minga.platform.internal.web.input;

import org.minga.platform.TextRule;
import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.minga.platform.internal.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;


/**
 * JSON request bodies are at most {@value #MAX_BYTES} bytes: no API body needs more, and a larger
 * one would only be held in memory to be refused field by field. Files travel as multipart, with
 * their own limits; CSV bodies (cadastres) are streamed and are not JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class JsonBodyLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    private final ProblemResponses problems;

    JsonBodyLimit(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    problems.text(request, "problem.too-large.detail"), Map.of("maxBytes", MAX_BYTES));
            return;
        }
        chain.doFilter(new Capped(request), response);
    }

    /** A body sent without a length (chunked) stops being readable past the limit. */
    private static final class Capped extends HttpServletRequestWrapper {
        Capped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > MAX_BYTES) {
                        throw new IOException("El cuerpo JSON supera el máximo de 2 MB.");
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
