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
}
