package org.detainerlab.core.annotation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Annotation bodies are Markdown; this is the one way they become HTML. Raw HTML in the source is escaped, not
 * passed through, and link URLs other than http, https and mailto are dropped, so neither a script tag nor a
 * {@code javascript:} link reaches a browser. An image is never loaded: it becomes a link to the image, labelled
 * with its alt text, so that a reader's browser does not fetch a remote picture (a tracking pixel tells its
 * owner who read the annotation, and when) unless the reader follows the link.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .nodeRendererFactory(ImageAsLink::new)
            .build();

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** Renders {@code ![alt](url)} as a link reading "image: alt"; inside a link, as that text alone. */
    private static final class ImageAsLink implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String alt = altText(image);
            String label = "image: " + (alt.isBlank() ? image.getDestination() : alt);
            if (insideLink(image)) {
                context.getWriter().text(label);
                return;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("href", context.encodeUrl(context.urlSanitizer().sanitizeLinkUrl(image.getDestination())));
            attributes.put("rel", "nofollow noopener noreferrer");
            attributes.put("class", "image-link");
            context.getWriter().tag("a", context.extendAttributes(image, "a", attributes));
            context.getWriter().text(label);
            context.getWriter().tag("/a");
        }

        private static boolean insideLink(Node node) {
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof Link) {
                    return true;
                }
            }
            return false;
        }

        private static String altText(Image image) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    alt.append(code.getLiteral());
                }
            });
            return alt.toString();
        }
    }
}
