package org.detainerlab.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.detainerlab.api.testing.Tokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's guard: a bearer token is verified by quarkus-oidc once and then answered from the identity it gave, so
 * a repeated request does not pay for signature checks and claim parsing again; other tokens, tampered ones and
 * expired entries are never answered from another token's identity.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromTheIdentityItGave() {
        String token = Tokens.accessToken("carol");
        long kept = verifiedTokens.kept();
        long answered = verifiedTokens.answered();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/me")
                    .then().statusCode(200)
                    .body("username", equalTo("carol"))
                    .body("roles", containsInAnyOrder("researcher", "curator"))
                    .body("teams", containsInAnyOrder("Team A"));
        }
        assertThat(verifiedTokens.kept() - kept).as("tokens verified and kept").isEqualTo(1);
        assertThat(verifiedTokens.answered() - answered).as("requests answered from the kept identity").isEqualTo(2);
        // the kept identity still carries the roles the endpoints check
        given().auth().oauth2(token).when().get("/api/v1/admin/system").then().statusCode(403);
    }

    @Test
    void otherAndTamperedTokensAreVerifiedOnTheirOwn() {
        String alice = Tokens.accessToken("alice");
        given().auth().oauth2(alice).when().get("/api/v1/me").then().statusCode(200).body("username", equalTo("alice"));
        given().auth().oauth2(Tokens.accessToken("bob")).when().get("/api/v1/me")
                .then().statusCode(200).body("username", equalTo("bob")).body("teams", containsInAnyOrder("Team B"));
        String tampered = alice.substring(0, alice.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(tampered).when().get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anEntryIsNotUsedOnceItsTokenHasExpired() throws Exception {
        AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());
        VerifiedTokens cache = new VerifiedTokens(10, now::get);
        JwtClaims claims = new JwtClaims();
        claims.setSubject("s-1");
        claims.setClaim("preferred_username", "alice");
        claims.setExpirationTime(NumericDate.fromSeconds(now.get() + 300));
        SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal("raw", "JWT", claims))
                .addCredential(new TokenCredential("raw", "bearer")).addRole("researcher").build();
        cache.augment(identity, null).await().indefinitely();

        assertThat(cache.identity("raw").getRoles())
                .containsExactly("researcher");
        assertThat(cache.identity("other")).isNull();
        now.addAndGet(300);
        assertThat(cache.identity("raw")).isNull();
    }

    @Test
    void nothingIsKeptWhenTurnedOff() throws Exception {
        VerifiedTokens off = new VerifiedTokens(0, () -> Instant.now().getEpochSecond());
        JwtClaims claims = new JwtClaims();
        claims.setSubject("s-2");
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() + 300));
        off.augment(QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal("raw", "JWT", claims))
                .addCredential(new TokenCredential("raw", "bearer")).build(), null).await().indefinitely();
        assertThat(off.identity("raw")).isNull();
        assertThat(off.kept()).isZero();
    }
}
