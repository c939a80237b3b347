package org.detainerlab.core.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.core.common.Csv;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.curation.ImportPlan;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.policy.PolicyEventView;
import org.detainerlab.core.policy.PolicyService;
import org.detainerlab.core.policy.PolicyView;
import org.detainerlab.core.policy.ProvisionView;
import org.detainerlab.core.ruling.RulingService;
import org.detainerlab.core.ruling.RulingView;

/**
 * Import and export of curated policies and rulings, and the seed, which is imported once through the same path
 * so that its history shows an IMPORT by {@code system}.
 */
@ApplicationScoped
public class CuratedExchange {

    public static final String FORMAT = "detainerlab-curated";
    public static final int FORMAT_VERSION = 1;
    public static final String SEED = "seed/curated-v1.json";
    /** The item types an export can be written as CSV for, one table each. */
    public static final List<String> CSV_TABLES = List.of("policies", "policy-events", "rulings");

    private final PolicyService policies;
    private final RulingService rulings;
    private final EntityManager entities;
    private final ObjectMapper json;
    private final TransactionManager transactions;

    public CuratedExchange(PolicyService policies, RulingService rulings, EntityManager entities, ObjectMapper json,
                           TransactionManager transactions) {
        this.policies = policies;
        this.rulings = rulings;
        this.entities = entities;
        this.json = json;
        this.transactions = transactions;
    }

    /**
     * Imports a whole file in one transaction: every entry of both kinds is checked before any is written, and all
     * of it is written, or nothing when any entry fails (422) or is stale (409). Rulings may name policies the file
     * adds.
     * A dry run goes through every check and write the same way and then rolls the transaction back, so its answer
     * (or its 422 or 409) is exactly what the import would do, and nothing is kept.
     */
    @Transactional
    public ImportSummary importFile(CuratedFile file, String actor, boolean dryRun) {
        if (file.format() != null && !FORMAT.equals(file.format())
                || file.formatVersion() != null && file.formatVersion() != FORMAT_VERSION) {
            throw ValidationFailedException.of("format", "must be " + FORMAT + " version " + FORMAT_VERSION,
                    file.format() + " " + file.formatVersion());
        }
        ImportPlan policyPlan = policies.plan(file.policies() == null ? List.of() : file.policies(), "policies", actor,
                Set.of());
        ImportPlan rulingPlan = rulings.plan(file.rulings() == null ? List.of() : file.rulings(), "rulings", actor,
                Set.copyOf(policyPlan.count().createdKeys));
        policyPlan.write();
        rulingPlan.write();
        ImportSummary summary = new ImportSummary(dryRun, policyPlan.count(), rulingPlan.count());
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("Cannot roll back the dry run of an import", e);
            }
        }
        return summary;
    }

    @Transactional
    public CuratedExport export() {
        return new CuratedExport(FORMAT, FORMAT_VERSION, OffsetDateTime.now(ZoneOffset.UTC), policies.export(),
                rulings.export());
    }

    /** One item type as a CSV table, for review in a spreadsheet; {@code table} is one of {@link #CSV_TABLES}. */
    @Transactional
    public String exportCsv(String table) {
        String name = table == null ? "" : table.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "policies" -> {
                Csv csv = new Csv(List.of("key", "title", "kind", "jurisdictions", "provisions", "summary",
                        "sources", "verification", "verified_by", "verified_at", "version"));
                for (PolicyView p : policies.export()) {
                    csv.row(p.key(), p.title(), p.kind(), Csv.joined(p.jurisdictions()),
                            Csv.joined(p.provisions().stream().map(ProvisionView::provision).toList()), p.summary(),
                            citations(p.sources()),
                            p.verification().status(), p.verification().by(), p.verification().at(), p.version());
                }
                yield csv.toString();
            }
            case "policy-events" -> {
                Csv csv = new Csv(List.of("policy", "type", "date", "precision", "note", "sources", "verification",
                        "verified_by", "verified_at"));
                for (PolicyView p : policies.export()) {
                    for (PolicyEventView e : p.events()) {
                        csv.row(p.key(), e.type(), e.date(), e.precision(), e.note(), citations(e.sources()),
                                e.verification().status(), e.verification().by(), e.verification().at());
                    }
                }
                yield csv.toString();
            }
            case "rulings" -> {
                Csv csv = new Csv(List.of("key", "court", "case_name", "docket", "citation", "decided_on", "precision",
                        "disposition", "holding", "reviews", "policies", "jurisdictions", "sources", "verification",
                        "verified_by", "verified_at", "version"));
                for (RulingView r : rulings.export()) {
                    csv.row(r.key(), r.court(), r.caseName(), r.docket(), r.citation(), r.decidedOn(), r.precision(),
                            r.disposition(), r.holding(), Csv.joined(r.reviews().stream()
                                    .map(l -> l.relation() + " " + l.ruling()).toList()),
                            Csv.joined(r.policies()), Csv.joined(r.jurisdictions()), citations(r.sources()),
                            r.verification().status(), r.verification().by(), r.verification().at(), r.version());
                }
                yield csv.toString();
            }
            default -> throw new InvalidQueryException("type", "'" + table + "' is not one of " + CSV_TABLES);
        };
    }

    private static String citations(List<SourceRef> sources) {
        return Csv.joined(sources.stream()
                .map(s -> s.citation() + (s.url() == null ? "" : " <" + s.url() + ">")).toList());
    }

    /**
     * Imports the seed file kept in the repository, once per database: the marker row and the import commit
     * together, and a second instance starting at the same time waits on the marker and then finds it taken.
     */
    @Transactional
    public Optional<ImportSummary> seedOnce() {
        int claimed = entities.createNativeQuery("insert into curation_seed (name) values (:name) on conflict do nothing")
                .setParameter("name", SEED).executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("The curated seed " + SEED + " is missing from the class path");
            }
            return Optional.of(importFile(json.readValue(in, CuratedFile.class), ImportPlan.SYSTEM, false));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the curated seed " + SEED, e);
        }
    }
}
