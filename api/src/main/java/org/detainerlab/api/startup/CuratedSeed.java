package org.detainerlab.api.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.detainerlab.core.agreement.AgreementPolicyService;
import org.detainerlab.core.caserecord.CaseRecordService;
import org.detainerlab.core.claim.ClaimService;
import org.detainerlab.core.curation.ImportCount;
import org.detainerlab.core.exchange.CuratedExchange;
import org.jboss.logging.Logger;

/**
 * On the first start against a database, imports the curated seed (policies and rulings, all unverified) kept in
 * the repository, then the seed case records and claims never imported into it (they may link to the policies and
 * rulings); on every start, turns 287(g) lists loaded meanwhile (by the CLI) into agreement policies. Runs after
 * {@link DatabaseMigration}, and not at all when the migration failed.
 */
@ApplicationScoped
public class CuratedSeed {

    private static final Logger LOG = Logger.getLogger(CuratedSeed.class);

    private final DatabaseMigration migration;
    private final CuratedExchange exchange;
    private final CaseRecordService caseRecords;
    private final ClaimService claims;
    private final AgreementPolicyService agreementPolicies;

    public CuratedSeed(DatabaseMigration migration, CuratedExchange exchange, CaseRecordService caseRecords,
                       ClaimService claims, AgreementPolicyService agreementPolicies) {
        this.migration = migration;
        this.exchange = exchange;
        this.caseRecords = caseRecords;
        this.claims = claims;
        this.agreementPolicies = agreementPolicies;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) StartupEvent event) {
        if (!migration.migrated()) {
            return;
        }
        exchange.seedOnce().ifPresent(summary -> LOG.infof("Imported the curated seed %s: %d policies, %d rulings",
                CuratedExchange.SEED, summary.policies().created, summary.rulings().created));
        int records = caseRecords.importSeeds(CaseRecordService.SEEDS);
        int claimed = claims.importSeeds(ClaimService.SEEDS);
        if (records + claimed > 0) {
            LOG.infof("Imported %d seed case record(s) and %d seed claim(s)", records, claimed);
        }
        ImportCount agreements = agreementPolicies.materialisePending();
        if (agreements.created + agreements.updated > 0) {
            LOG.infof("287(g) lists loaded since the last start: %d agreement policies created, %d updated",
                    agreements.created, agreements.updated);
        }
    }
}
