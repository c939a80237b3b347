package org.detainerlab.core.exchange;

import java.util.List;

import org.detainerlab.core.policy.PolicyInput;
import org.detainerlab.core.ruling.RulingInput;

/**
 * A file of curated data to import: the seed, or an export edited elsewhere (an export reads back as is; its
 * ids, who-verified and when are ignored). Policies are imported before rulings, which may name them.
 */
public record CuratedFile(String format, Integer formatVersion, List<PolicyInput> policies, List<RulingInput> rulings) {
}
