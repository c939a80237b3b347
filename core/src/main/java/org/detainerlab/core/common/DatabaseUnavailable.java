package org.detainerlab.core.common;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells a failure caused by an unreachable or restarting database from any other: a connection that cannot be made
 * or was cut (SQL state class 08), a server shutting down or starting (57P01-57P03), or the pool's wait for a
 * connection running out. Such a failure is temporary; callers answer 503 or retry later.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("acquisition timeout") || message.contains("connection refused")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
