package org.detainerlab.core.caserecord;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Optional;

import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.common.TargetResolver;

/** The things of a case record that links and annotations can point at: the record, its narrative, its events. */
final class CaseTargets {

    static Optional<Long> id(String ref) {
        if (ref == null || !ref.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(ref));
    }

    @Produces
    @Singleton
    TargetResolver records(CaseRecordRepository records) {
        return TargetResolver.of(TargetKind.CASE_RECORD, ref -> id(ref).map(id -> records.count("id", id) > 0)
                .orElse(false));
    }

    /** A passage is addressed by the record's id; the selectors that narrow it down are checked against its text. */
    @Produces
    @Singleton
    TargetResolver passages(CaseRecordRepository records) {
        return TargetResolver.of(TargetKind.CASE_PASSAGE, ref -> narrative(records, ref).isPresent(),
                ref -> narrative(records, ref));
    }

    /** {@code <case record id>/<event key>}. */
    @Produces
    @Singleton
    TargetResolver events(CaseRecordRepository records) {
        return TargetResolver.of(TargetKind.CASE_EVENT, ref -> {
            int slash = ref == null ? -1 : ref.indexOf('/');
            return slash >= 0 && id(ref.substring(0, slash))
                    .map(id -> records.eventExists(id, ref.substring(slash + 1))).orElse(false);
        });
    }

    private static Optional<String> narrative(CaseRecordRepository records, String ref) {
        return id(ref).flatMap(records::findByIdOptional).map(c -> c.narrative);
    }
}
