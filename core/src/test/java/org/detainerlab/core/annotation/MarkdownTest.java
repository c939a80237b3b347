package org.detainerlab.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void markdownBecomesHtml() {
        assertThat(Markdown.toSafeHtml("**Note** see [report](https://example.org/r)"))
                .isEqualTo("<p><strong>Note</strong> see <a rel=\"nofollow\" href=\"https://example.org/r\">report</a></p>\n");
    }

    @Test
    void rawHtmlIsEscapedNotPassedThrough() {
        String html = Markdown.toSafeHtml("<script>alert(1)</script> and <img src=x onerror=alert(1)>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
    }

    @Test
    void javascriptAndDataLinksLoseTheirUrl() {
        assertThat(Markdown.toSafeHtml("[x](javascript:alert(1)) ![i](data:text/html,hi)"))
                .doesNotContain("javascript:").doesNotContain("data:");
    }

    @Test
    void anImageIsALinkToItNeverLoadedByTheReadersBrowser() {
        String html = Markdown.toSafeHtml("Seen ![the pixel](https://tracker.example/p.gif?reader=1) here");
        assertThat(html).doesNotContain("<img").contains("<a href=\"https://tracker.example/p.gif?reader=1\"")
                .contains("rel=\"nofollow noopener noreferrer\"").contains(">image: the pixel</a>");
    }

    @Test
    void anImageInsideALinkIsItsTextAloneAndAnImageWithoutAltNamesItsUrl() {
        assertThat(Markdown.toSafeHtml("[![badge](https://img.example/b.svg)](https://example.org/r)"))
                .doesNotContain("<img").doesNotContain("img.example")
                .contains("<a rel=\"nofollow\" href=\"https://example.org/r\">image: badge</a>");
        assertThat(Markdown.toSafeHtml("![](https://img.example/x.png)")).doesNotContain("<img")
                .contains(">image: https://img.example/x.png</a>");
    }
}
