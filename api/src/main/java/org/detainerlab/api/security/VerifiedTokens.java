package org.detainerlab.api.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, with the identity each gave, until the token expires. quarkus-oidc checks a
 * token's signature and claims and builds its identity on every request, which was about 40% of the CPU of a
 * repeated statistics question (issue 19, docs/benchmarks.md). A token is immutable and signed, so the same token
 * string gives the same identity until its {@code exp}: this mechanism, tried before quarkus-oidc's, answers a
 * bearer token it has seen from its identity, reading nothing but the header (quarkus-oidc would still decode the
 * token and resolve its tenant before any identity provider is asked); every other request goes on to quarkus-oidc,
 * and the augmentor keeps what quarkus-oidc accepted. The whole token string is the key, so no other token can
 * match an entry. Tokens without an expiry are never kept. Revocation is not checked either way: quarkus-oidc
 * verifies tokens locally, without asking Keycloak.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

    private static final String CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();
    private static final String BEARER = "Bearer ";
    /** Above quarkus-oidc's mechanism ({@code quarkus.oidc.priority}, 1001 unless set). */
    private static final int PRIORITY = HttpAuthenticationMechanism.DEFAULT_PRIORITY + 1000;

    private record Verified(SecurityIdentity identity, long expiresAtSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final int maxSize;
    private final LongSupplier epochSecond;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "detainerlab.auth.verified-tokens.max-size") int maxSize) {
        this(maxSize, () -> Instant.now().getEpochSecond());
    }

    /** {@code epochSecond}: the time now, which decides when a kept token has expired. */
    VerifiedTokens(int maxSize, LongSupplier epochSecond) {
        this.maxSize = maxSize;
        this.epochSecond = epochSecond;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity identity = identity(authorization.substring(BEARER.length()).trim());
        if (identity == null) {
            return Uni.createFrom().nullItem();
        }
        answered.incrementAndGet();
        return Uni.createFrom().item(forThisRequest(identity, context));
    }

    /** The identity a kept, unexpired token gave, or null (the token is then quarkus-oidc's to verify). */
    SecurityIdentity identity(String token) {
        Verified entry = verified.get(token);
        if (entry == null) {
            return null;
        }
        if (epochSecond.getAsLong() >= entry.expiresAtSecond()) {
            verified.remove(token, entry);
            return null;
        }
        return entry.identity();
    }

    /** No challenge of its own: a request it does not answer is quarkus-oidc's, which sends the challenge. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    /**
     * The kept identity with this request's routing context in place of the request that first verified the token
     * (quarkus-oidc's identity carries its request's context, which later security checks read).
     */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext context) {
        if (context == null) {
            return identity;
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        builder.addAttribute(CONTEXT, context);
        Object requestContext = context.get(REQUEST_CONTEXT);
        if (requestContext != null) {
            builder.addAttribute(REQUEST_CONTEXT, requestContext);
        }
        return builder.build();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (maxSize > 0 && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > 0) {
            TokenCredential credential = identity.getCredential(TokenCredential.class);
            if (credential != null && !verified.containsKey(credential.getToken())) {
                makeRoom();
                verified.put(credential.getToken(), new Verified(identity, jwt.getExpirationTime()));
                kept.incrementAndGet();
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Drops expired entries when full, and everything if that was not enough (a new token is verified again). */
    private void makeRoom() {
        if (verified.size() < maxSize) {
            return;
        }
        long now = epochSecond.getAsLong();
        verified.values().removeIf(v -> now >= v.expiresAtSecond());
        if (verified.size() >= maxSize) {
            verified.clear();
        }
    }

    /** How many requests were answered from a kept identity, without verifying the token again. */
    public long answered() {
        return answered.get();
    }

    /** How many tokens quarkus-oidc verified and this cache kept. */
    public long kept() {
        return kept.get();
    }
}
