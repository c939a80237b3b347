package org.detainerlab.core.ruling;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.common.TargetResolver;

/** Rulings as link and annotation targets, named by their key ({@code ca9-2019-united-states-v-california}). */
final class RulingTargets {

    @Produces
    @Singleton
    TargetResolver rulings(RulingRepository rulings) {
        return TargetResolver.of(TargetKind.RULING, ref -> ref != null && rulings.findLiveByKey(ref).isPresent());
    }
}
