package org.detainerlab.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RevisionsTest {

    @Test
    void theCurrentTagPassesStrongOrWeakAndInAList() {
        assertThatCode(() -> Revisions.requireMatch("\"policy-7-v3\"", "policy", 7, 3)).doesNotThrowAnyException();
        assertThatCode(() -> Revisions.requireMatch("W/\"policy-7-v3\"", "policy", 7, 3)).doesNotThrowAnyException();
        assertThatCode(() -> Revisions.requireMatch("\"policy-7-v2\", \"policy-7-v3\"", "policy", 7, 3))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingTagOrAStarIsRequiredAgain() {
        assertThatThrownBy(() -> Revisions.requireMatch(null, "policy", 7, 3))
                .isInstanceOf(PreconditionRequiredException.class).hasMessageContaining("\"policy-7-v3\" is current");
        assertThatThrownBy(() -> Revisions.requireMatch(" ", "policy", 7, 3))
                .isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> Revisions.requireMatch("*", "policy", 7, 3))
                .isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void anOlderVersionOrAnotherItemsTagFails() {
        assertThatThrownBy(() -> Revisions.requireMatch("\"policy-7-v2\"", "policy", 7, 3))
                .isInstanceOfSatisfying(PreconditionFailedException.class,
                        e -> assertThat(e.currentTag()).isEqualTo("\"policy-7-v3\""));
        assertThatThrownBy(() -> Revisions.requireMatch("\"ruling-7-v3\"", "policy", 7, 3))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> Revisions.requireMatch("\"policy-8-v3\"", "policy", 7, 3))
                .isInstanceOf(PreconditionFailedException.class);
    }
}
