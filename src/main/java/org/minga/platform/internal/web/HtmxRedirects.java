package org.minga.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A form sent by htmx that succeeds answers {@code HX-Redirect} instead of a 302: htmx would follow a
 * 302 itself and swap the whole next page into the form's place. The flash attributes (the
 * "saved" notice) are kept for the page the browser then loads; a redirect to the form's own page
 * with an anchor ({@code /page#rates}) also answers {@code HX-Refresh}, or the browser would only scroll.
 */
@Component
class HtmxRedirects implements HandlerInterceptor, WebMvcConfigurer {

    private static final String REDIRECT = "redirect:";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || !"true".equals(request.getHeader("HX-Request")) || view.getViewName() == null
                || !view.getViewName().startsWith(REDIRECT)) {
            return;
        }
        String target = request.getContextPath() + view.getViewName().substring(REDIRECT.length());
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        if (!flash.isEmpty()) {
            flash.setTargetRequestPath(target.split("[?#]", 2)[0]);
            var manager = RequestContextUtils.getFlashMapManager(request);
            if (manager != null) {
                manager.saveOutputFlashMap(flash, request, response);
            }
        }
        response.setHeader("HX-Redirect", target);
        if (sameDocument(request.getHeader("HX-Current-URL"), target)) {
            // "/page#section" from /page only scrolls: htmx reloads after setting the address.
            response.setHeader("HX-Refresh", "true");
        }
        view.clear();
        view.setView(new org.springframework.web.servlet.View() {
            @Override
            public void render(java.util.Map<String, ?> model, HttpServletRequest req, HttpServletResponse res) {
            }
        });
    }

    /** Whether the target is the page the form is on, with an anchor (the browser would not load it). */
    static boolean sameDocument(String currentUrl, String target) {
        if (currentUrl == null || !target.contains("#")) {
            return false;
        }
        String current = java.net.URI.create(currentUrl.split("#", 2)[0]).getRawPath();
        String query = java.net.URI.create(currentUrl.split("#", 2)[0]).getRawQuery();
        String page = target.split("#", 2)[0];
        return page.equals(query == null ? current : current + "?" + query);
    }
}
