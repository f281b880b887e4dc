package org.minga.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.webjars.WebJarVersionLocator;

/**
 * Runs axe-core (the webjar on the test classpath) on the page the browser shows and lists the
 * violations of WCAG 2.1 A and AA whose impact is serious or critical: those fail a public page.
 */
public final class Axe {

    private static final String SCRIPT = read(new WebJarVersionLocator().fullPath("axe-core", "axe.min.js"));

    private Axe() {
    }

    /** One line per serious or critical violation: rule, impact, help and the first offending elements. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SCRIPT);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
                   .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        return ((List<Map<String, Object>>) result).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
                .toList();
    }

    private static String read(String resource) {
        if (resource == null) {
            throw new IllegalStateException("axe-core is missing from the test classpath (webjar org.webjars.npm:axe-core)");
        }
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
