package org.detainerlab.core.security;

import java.util.Set;

/**
 * Who is asking, as services need it for visibility: the account (the token's subject, which a rename keeps), the
 * username, the teams from the token, and whether they moderate (curator or admin) or administer.
 */
public record Caller(String subject, String username, Set<String> teams, boolean moderator, boolean admin) {

    public Caller {
        teams = Set.copyOf(teams);
    }
}
