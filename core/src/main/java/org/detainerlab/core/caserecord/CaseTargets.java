package org.detainerlab.core.caserecord;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.common.TargetResolver;

/** The things of a case record that links and annotations can point at: the record, its narrative, its events. */
final class CaseTargets {

    private CaseTargets() {
    }

    static Optional<Long> id(String ref) {
        if (ref == null || !ref.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(ref));
    }

    @ApplicationScoped
    static class Records implements TargetResolver {
        private final CaseRecordRepository records;

        Records(CaseRecordRepository records) {
            this.records = records;
        }

        @Override
        public TargetKind kind() {
            return TargetKind.CASE_RECORD;
        }

        @Override
        public boolean exists(String ref) {
            return id(ref).map(id -> records.count("id", id) > 0).orElse(false);
        }
    }

    /** A passage is addressed by the record's id; the selectors that narrow it down are checked against {@link #text}. */
    @ApplicationScoped
    static class Passages implements TargetResolver {
        private final CaseRecordRepository records;

        Passages(CaseRecordRepository records) {
            this.records = records;
        }

        @Override
        public TargetKind kind() {
            return TargetKind.CASE_PASSAGE;
        }

        @Override
        public boolean exists(String ref) {
            return text(ref).isPresent();
        }

        @Override
        public Optional<String> text(String ref) {
            return id(ref).flatMap(records::findByIdOptional).map(c -> c.narrative);
        }
    }

    /** {@code <case record id>/<event key>}. */
    @ApplicationScoped
    static class Events implements TargetResolver {
        private final CaseRecordRepository records;

        Events(CaseRecordRepository records) {
            this.records = records;
        }

        @Override
        public TargetKind kind() {
            return TargetKind.CASE_EVENT;
        }

        @Override
        public boolean exists(String ref) {
            int slash = ref == null ? -1 : ref.indexOf('/');
            if (slash < 0) {
                return false;
            }
            return id(ref.substring(0, slash)).map(id -> records.eventExists(id, ref.substring(slash + 1)))
                    .orElse(false);
        }
    }
}
