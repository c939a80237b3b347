package org.detainerlab.api.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.detainerlab.api.security.RealmUrl;
import org.detainerlab.core.common.ConflictException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Teams are the top-level groups of the realm, managed through Keycloak's admin API with the platform's service
 * account. Nothing about teams is stored by the platform; a membership change shows in the member's next token.
 */
@ApplicationScoped
public class TeamDirectory {

    private static final Logger LOG = Logger.getLogger(TeamDirectory.class);
    private static final int MAX_TEAMS = 1000;

    private final String serverUrl;
    private final String realm;
    private final TeamAdminConfig config;
    private volatile Keycloak keycloak;

    public TeamDirectory(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcUrl, TeamAdminConfig config) {
        RealmUrl realmUrl = RealmUrl.of(oidcUrl);
        this.serverUrl = config.adminUrl().orElse(realmUrl.serverUrl());
        this.realm = realmUrl.realm();
        this.config = config;
    }

    public List<TeamView> all() {
        return call(() -> realm().groups().groups(null, 0, MAX_TEAMS, false).stream()
                .filter(TeamDirectory::isTeam).map(this::view).sorted(Comparator.comparing(TeamView::name)).toList());
    }

    public List<TeamView> of(String username) {
        return call(() -> {
            UserRepresentation user = user(username);
            return realm().users().get(user.getId()).groups().stream().filter(TeamDirectory::isTeam)
                    .map(this::view).sorted(Comparator.comparing(TeamView::name)).toList();
        });
    }

    public TeamView create(String name) {
        return call(() -> {
            GroupRepresentation group = new GroupRepresentation();
            group.setName(name);
            try (Response response = realm().groups().add(group)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw conflict(name);
                }
                return new TeamView(CreatedResponseUtil.getCreatedId(response), name, List.of());
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw conflict(name);
                }
                throw e;
            }
        });
    }

    public TeamView addMember(String teamId, String username) {
        return call(() -> {
            GroupRepresentation team = team(teamId);
            UserRepresentation user = user(username);
            if (isMember(team, user)) {
                throw new ConflictException(user.getUsername() + " is already a member of " + team.getName());
            }
            realm().users().get(user.getId()).joinGroup(teamId);
            return view(team(teamId));
        });
    }

    public TeamView removeMember(String teamId, String username) {
        return call(() -> {
            GroupRepresentation team = team(teamId);
            UserRepresentation user = user(username);
            if (!isMember(team, user)) {
                throw new ConflictException(user.getUsername() + " is not a member of " + team.getName());
            }
            realm().users().get(user.getId()).leaveGroup(teamId);
            return view(team(teamId));
        });
    }

    private static ConflictException conflict(String name) {
        return new ConflictException("A team named '" + name + "' already exists");
    }

    private GroupRepresentation team(String teamId) {
        try {
            GroupRepresentation group = realm().groups().group(teamId).toRepresentation();
            if (!isTeam(group)) {
                throw new ResourceNotFoundException("team", teamId);
            }
            return group;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == Response.Status.NOT_FOUND.getStatusCode()) {
                throw new ResourceNotFoundException("team", teamId);
            }
            throw e;
        }
    }

    private boolean isMember(GroupRepresentation team, UserRepresentation user) {
        return realm().users().get(user.getId()).groups().stream().anyMatch(g -> g.getId().equals(team.getId()));
    }

    private UserRepresentation user(String username) {
        return realm().users().searchByUsername(username, true).stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("user", username));
    }

    private TeamView view(GroupRepresentation group) {
        List<String> members = realm().groups().group(group.getId()).members(0, 10_000, true).stream()
                .map(UserRepresentation::getUsername).sorted().toList();
        return new TeamView(group.getId(), group.getName(), members);
    }

    /** Only top-level groups are teams; their names are what the {@code groups} claim carries. */
    private static boolean isTeam(GroupRepresentation group) {
        return group.getParentId() == null && ("/" + group.getName()).equals(group.getPath());
    }

    private RealmResource realm() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                if (keycloak == null) {
                    String secret = config.clientSecret().filter(s -> !s.isBlank())
                            .orElseThrow(() -> new TeamDirectoryUnavailableException("Team management is not"
                                    + " configured: set DETAINERLAB_KEYCLOAK_ADMIN_SECRET to the secret of the "
                                    + config.clientId() + " client", null));
                    keycloak = KeycloakBuilder.builder().serverUrl(serverUrl).realm(realm)
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(config.clientId())
                            .clientSecret(secret).build();
                }
                client = keycloak;
            }
        }
        return client.realm(realm);
    }

    /** Turns Keycloak being unreachable, or refusing the service account, into one 503 reason. */
    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException e) {
            LOG.warnf("Keycloak's admin API at %s cannot be reached: %s", serverUrl, e.getMessage());
            throw new TeamDirectoryUnavailableException("Keycloak's admin API cannot be reached, so teams cannot be"
                    + " read or changed; try again later", e);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401 || status == 403 || status >= 500) {
                LOG.warnf("Keycloak's admin API refused the service account %s: HTTP %d", config.clientId(), status);
                throw new TeamDirectoryUnavailableException("Keycloak's admin API refused the platform's service"
                        + " account, so teams cannot be read or changed", e);
            }
            // Keycloak's own answer must not become ours: it is an unexpected failure of this request.
            throw new IllegalStateException("Keycloak's admin API answered HTTP " + status, e);
        }
    }
}
