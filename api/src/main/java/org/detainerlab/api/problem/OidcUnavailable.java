package org.detainerlab.api.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.quarkus.oidc.OIDCException;

/** Tells an authentication failure caused by an unreachable identity provider from a bad token. */
final class OidcUnavailable {

    private OidcUnavailable() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OIDCException || t instanceof ConnectException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
