package org.detainerlab.api.common;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/** Reads a request's Accept-Encoding (RFC 9110, section 12.5.3) for the one coding the API writes itself: gzip. */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** Whether the client takes gzip: named with a weight above zero, or covered by "*" and not refused by name. */
    public static boolean gzip(HttpHeaders headers) {
        return gzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
    }

    static boolean gzip(String header) {
        if (header == null) {
            return false;
        }
        Boolean named = null;
        boolean any = false;
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean wanted = weight(pieces) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = wanted;
            } else if (coding.equals("*")) {
                any = wanted;
            }
        }
        return named != null ? named : any;
    }

    private static double weight(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
