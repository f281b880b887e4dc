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
 * "saved" notice) are kept for the page the browser then loads.
 */
@Component
class HtmxRedirects implements HandlerInterceptor, WebMvcConfigurer {

    private static final String REDIRECT = "redirect:";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** Whether the target is the page the form is on, but for its anchor. */
    static boolean samePage(String currentUrl, String target) {
        if (currentUrl == null) {
            return false;
        }
        try {
            java.net.URI current = java.net.URI.create(currentUrl.split("#", 2)[0]);
            String page = target.split("#", 2)[0];
            return page.equals(current.getRawQuery() == null ? current.getRawPath()
                    : current.getRawPath() + "?" + current.getRawQuery());
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
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
        if (samePage(request.getHeader("HX-Current-URL"), target)) {
            // Only the anchor differs (…/goals/7 to …/goals/7#measurements): setting the location would
            // just scroll, so htmx is told to reload the page as well.
            response.setHeader("HX-Refresh", "true");
        }
        view.clear();
        view.setView(new org.springframework.web.servlet.View() {
            @Override
            public void render(java.util.Map<String, ?> model, HttpServletRequest req, HttpServletResponse res) {
            }
        });
    }
}
