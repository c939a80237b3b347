package org.detainerlab.core.ruling;

import jakarta.enterprise.context.ApplicationScoped;

import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.common.TargetResolver;

/** Rulings as link and annotation targets, named by their key ({@code ca9-2019-united-states-v-california}). */
@ApplicationScoped
class RulingTargets implements TargetResolver {

    private final RulingRepository rulings;

    RulingTargets(RulingRepository rulings) {
        this.rulings = rulings;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.RULING;
    }

    @Override
    public boolean exists(String ref) {
        return ref != null && rulings.findLiveByKey(ref).isPresent();
    }
}
