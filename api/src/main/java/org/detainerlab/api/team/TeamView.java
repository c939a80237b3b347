package org.detainerlab.api.team;

import java.util.List;

/** A team: its Keycloak group id, its name (as tokens carry it in {@code groups}) and its members' usernames. */
public record TeamView(String id, String name, List<String> members) {
}
