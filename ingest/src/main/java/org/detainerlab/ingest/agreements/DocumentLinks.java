package org.detainerlab.ingest.agreements;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Cleans the addresses of MOA and addendum documents. Some were pasted into the list from an e-mail or a browser
 * and carry a wrapper around the real ice.gov address: an Outlook "safe links" redirect (which also carries the
 * sender's mailbox and a tracking token) or the Chrome PDF viewer's extension prefix. The address inside is the
 * document's; the wrapper is dropped.
 */
final class DocumentLinks {

    private static final String SAFE_LINKS_HOST = ".safelinks.protection.outlook.com";
    private static final String BROWSER_EXTENSION = "chrome-extension://";

    /** An address, and whether a wrapper was taken off it. */
    record Link(String url, boolean unwrapped) {
    }

    private DocumentLinks() {
    }

    static boolean isUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** The document's address, from a trimmed link target or cell. */
    static Link clean(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (isUrl(url) && host(lower).endsWith(SAFE_LINKS_HOST)) {
            String inner = queryParameter(url, "url");
            if (inner != null && isUrl(inner)) {
                return new Link(inner, true);
            }
        }
        if (lower.startsWith(BROWSER_EXTENSION)) {
            int path = url.indexOf('/', BROWSER_EXTENSION.length());
            String inner = path < 0 ? "" : url.substring(path + 1);
            // the viewer shows the address with one slash after the scheme: https:/www.ice.gov/...
            String repaired = inner.replaceFirst("^(?i)(https?):/(?!/)", "$1://");
            if (isUrl(repaired)) {
                return new Link(repaired, true);
            }
        }
        return new Link(url, false);
    }

    private static String host(String url) {
        int start = url.indexOf("://") + 3;
        int end = start;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?' && url.charAt(end) != '#') {
            end++;
        }
        return url.substring(start, end);
    }

    private static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }
}
