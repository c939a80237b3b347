package org.detainerlab.core.annotation;

import java.util.List;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Annotation bodies are Markdown; this is the one way they become HTML. Raw HTML in the source is escaped, not
 * passed through, and link or image URLs other than http, https and mailto are dropped, so neither a script tag
 * nor a {@code javascript:} link reaches a browser.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .build();

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
