package org.detainerlab.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.policy.PolicyInput;
import org.detainerlab.core.policy.Provision;
import org.detainerlab.core.policy.ProvisionInput;
import org.junit.jupiter.api.Test;

/** The seed as the application reads it: every policy states what it does, and where that is said. */
class SeedProvisionsTest {

    /** Like the application's mapper (Quarkus's default), which ignores the seed's "about" note. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static CuratedFile seed() throws IOException {
        try (InputStream in = SeedProvisionsTest.class.getClassLoader().getResourceAsStream(CuratedExchange.SEED)) {
            assertThat(in).as(CuratedExchange.SEED).isNotNull();
            return JSON.readValue(in, CuratedFile.class);
        }
    }

    @Test
    void everySeededPolicyHasAProvisionWithItsOwnSourceLeftUnverified() throws IOException {
        List<PolicyInput> policies = seed().policies();
        assertThat(policies).hasSizeGreaterThanOrEqualTo(14);
        List<String> known = Arrays.stream(Provision.values()).map(Enum::name).toList();
        for (PolicyInput policy : policies) {
            assertThat(policy.provisions()).as(policy.key()).isNotEmpty();
            for (ProvisionInput provision : policy.provisions()) {
                String what = policy.key() + " " + provision.provision();
                assertThat(known).as(what).contains(provision.provision());
                assertThat(provision.sources()).as(what).isNotEmpty();
                assertThat(provision.sources()).as(what).extracting(SourceRef::citation).allMatch(c -> c != null && !c.isBlank());
                assertThat(provision.verification() == null ? "UNVERIFIED" : provision.verification().status())
                        .as(what).isEqualTo("UNVERIFIED");
            }
        }
    }

    @Test
    void theNamedPoliciesCarryTheProvisionsTheirSourcesState() throws IOException {
        List<PolicyInput> policies = seed().policies();
        assertThat(provisions(policies, "ca-sb54-2017"))
                .containsExactlyInAnyOrder("DECLINES_DETAINER_HOLDS", "LIMITS_RELEASE_NOTICE", "BARS_287G");
        assertThat(provisions(policies, "ca-ab4-2013")).containsExactly("DECLINES_DETAINER_HOLDS");
        assertThat(provisions(policies, "ca-ab2792-2016")).containsExactly("REQUIRES_INTERVIEW_CONSENT");
        assertThat(provisions(policies, "santa-clara-county-detainer-policy-2011"))
                .containsExactly("DECLINES_DETAINER_HOLDS");
        assertThat(provisions(policies, "tx-sb4-2017")).containsExactly("REQUIRES_HONOURING_DETAINERS");
    }

    @Test
    void aBareProvisionNameStillReads() throws IOException {
        ProvisionInput bare = JSON.readValue("\"BARS_287G\"", ProvisionInput.class);
        assertThat(bare.provision()).isEqualTo("BARS_287G");
        assertThat(bare.sources()).isNull();
    }

    private static List<String> provisions(List<PolicyInput> policies, String key) {
        return policies.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().provisions().stream()
                .map(ProvisionInput::provision).toList();
    }
}
