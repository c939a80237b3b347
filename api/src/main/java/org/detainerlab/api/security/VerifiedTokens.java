package org.detainerlab.api.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, with the identity each gave, until the token expires. quarkus-oidc checks a
 * token's signature and claims and builds its identity on every request, which was about 40% of the CPU of a
 * repeated statistics question (issue 19, docs/benchmarks.md). A token is immutable and signed, so the same token
 * string gives the same identity until its {@code exp}: this cache answers a token it has seen from its identity and
 * lets quarkus-oidc verify every other token (the provider runs first and answers nothing on a miss; the augmentor
 * keeps what quarkus-oidc accepted). The whole token string is the key, so no other token can match an entry.
 * Tokens without an expiry are never kept. Revocation is not checked either way: quarkus-oidc verifies tokens
 * locally, without asking Keycloak.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    private static final String CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private record Verified(SecurityIdentity identity, long expiresAtSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final int maxSize;
    private final Clock clock;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "detainerlab.auth.verified-tokens.max-size") int maxSize) {
        this(maxSize, Clock.systemUTC());
    }

    VerifiedTokens(int maxSize, Clock clock) {
        this.maxSize = maxSize;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider (which has the default priority). */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Verified entry = verified.get(request.getToken().getToken());
        if (entry == null) {
            return Uni.createFrom().nullItem();
        }
        if (clock.instant().getEpochSecond() >= entry.expiresAtSecond()) {
            verified.remove(request.getToken().getToken(), entry);
            return Uni.createFrom().nullItem();
        }
        answered.incrementAndGet();
        return Uni.createFrom().item(forThisRequest(entry.identity(), HttpSecurityUtils.getRoutingContextAttribute(request)));
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
        long now = clock.instant().getEpochSecond();
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
