package org.detainerlab.api.team;

/** Keycloak's admin API cannot be used right now (unreachable, or the service account is not configured). */
public class TeamDirectoryUnavailableException extends RuntimeException {

    public TeamDirectoryUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
