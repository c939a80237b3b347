package org.detainerlab.api.startup;

/** The application cannot start; the message says why and which setting to change. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message, null, false, false);
    }
}
