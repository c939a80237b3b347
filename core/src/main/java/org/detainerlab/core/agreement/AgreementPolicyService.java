package org.detainerlab.core.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.core.curation.CuratedDate;
import org.detainerlab.core.curation.ImportCount;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationInput;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.jurisdiction.JurisdictionKind;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;
import org.detainerlab.core.jurisdiction.PlaceNames;
import org.detainerlab.core.policy.PolicyEventInput;
import org.detainerlab.core.policy.PolicyEventType;
import org.detainerlab.core.policy.PolicyEventView;
import org.detainerlab.core.policy.PolicyInput;
import org.detainerlab.core.policy.PolicyService;
import org.detainerlab.core.policy.PolicyView;
import org.detainerlab.core.policy.Provision;
import org.detainerlab.core.policy.ProvisionInput;

/**
 * Turns the participating agreements of loaded 287(g) lists into AGREEMENT_287G policies of their agencies,
 * through the policy import (history: IMPORT by {@code ingest}). Each agency becomes an AGENCY jurisdiction under
 * its county when the list's county names one of the state's counties, else under the state. An agreement seen in
 * several lists is one policy (key: state, agency, support model) whose sources name every list, sheet and row,
 * and whose SIGNED event is the earliest plausible signing date. Pending agreements are not policies yet.
 */
@ApplicationScoped
public class AgreementPolicyService {

    public static final String ACTOR = "ingest";
    private static final int MAX_KEY = 120;
    private static final int CHUNK = 200;

    private final EntityManager entities;
    private final JurisdictionRepository jurisdictions;
    private final PolicyService policies;

    public AgreementPolicyService(EntityManager entities, JurisdictionRepository jurisdictions, PolicyService policies) {
        this.entities = entities;
        this.jurisdictions = jurisdictions;
        this.policies = policies;
    }

    /** Materialises every loaded 287(g) list not done yet; answers the counts (zero when there was none). */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportCount materialisePending() {
        @SuppressWarnings("unchecked")
        List<Number> releases = entities.createNativeQuery("select r.id from data_release r where r.kind = 'AGREEMENTS_287G'"
                + " and r.status = 'LOADED' and not exists (select 1 from agreement_policy_release m"
                + " where m.release_id = r.id) order by r.id for update of r skip locked").getResultList();
        ImportCount total = new ImportCount();
        for (Number release : releases) {
            ImportCount count = materialise(release.longValue());
            total.created += count.created;
            total.updated += count.updated;
        }
        return total;
    }

    private ImportCount materialise(long releaseId) {
        entities.createNativeQuery("insert into agreement_policy_release (release_id) values (:id)")
                .setParameter("id", releaseId).executeUpdate();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Map<String, List<Jurisdiction>> counties = new HashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (Object[] row : rows(releaseId)) {
            Agreement a = new Agreement((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (LocalDate) row[5], (String) row[6],
                    (String) row[7], (String) row[8], ((Number) row[9]).intValue());
            Draft draft = drafts.computeIfAbsent(key(a), k -> new Draft(k, a, agency(a, counties)));
            draft.sources.add(source(a));
            if (a.signedOn != null && !a.signedOn.isBefore(CuratedDate.EARLIEST)
                    && !a.signedOn.isAfter(today.plusYears(CuratedDate.YEARS_AHEAD))
                    && (draft.signed == null || a.signedOn.isBefore(draft.signed))) {
                draft.signed = a.signedOn;
            }
        }
        // Imported in chunks with the persistence context cleared between them: one list holds over a thousand
        // agreements, and Hibernate checks every managed entity before each query.
        List<Draft> all = List.copyOf(drafts.values());
        ImportCount total = new ImportCount();
        for (int from = 0; from < all.size(); from += CHUNK) {
            entities.flush();
            entities.clear();
            List<PolicyInput> inputs = new ArrayList<>();
            for (Draft draft : all.subList(from, Math.min(from + CHUNK, all.size()))) {
                inputs.add(draft.input(policies.find(draft.key)));
            }
            ImportCount count = policies.importAll(inputs, "agreements from " + from, ACTOR);
            total.created += count.created;
            total.updated += count.updated;
            total.unchanged += count.unchanged;
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(long releaseId) {
        return entities.createNativeQuery("select s.usps_code, a.agency, a.county_raw, a.model, a.agency_type,"
                + " a.signed_on, a.moa_url, r.title, r.file_name || ', sheet ' || a.source_sheet, a.source_row"
                + " from agreement_287g a join data_release r on r.id = a.release_id"
                + " join jurisdiction s on s.id = a.state_id"
                + " where a.release_id = :id and a.list_status = 'PARTICIPATING' order by a.source_sheet, a.source_row")
                .setParameter("id", releaseId).getResultList();
    }

    private record Agreement(String state, String agency, String county, String model, String type, LocalDate signedOn,
                             String moaUrl, String title, String fileAndSheet, int row) {
    }

    private static final class Draft {
        final String key;
        final Agreement first;
        final Jurisdiction agency;
        final Set<SourceRef> sources = new LinkedHashSet<>();
        LocalDate signed;

        Draft(String key, Agreement first, Jurisdiction agency) {
            this.key = key;
            this.first = first;
            this.agency = agency;
        }

        /** The policy, keeping what an earlier list or a curator recorded: its sources and earlier signing. */
        PolicyInput input(Optional<PolicyView> existing) {
            Set<SourceRef> all = new LinkedHashSet<>();
            LocalDate signedOn = signed;
            VerificationInput verification = null;
            List<ProvisionInput> provisions = new ArrayList<>();
            if (existing.isPresent()) {
                PolicyView stored = existing.get();
                all.addAll(stored.sources());
                signedOn = stored.events().stream().filter(e -> e.type() == PolicyEventType.SIGNED)
                        .map(PolicyEventView::date).filter(d -> signed == null || d.isBefore(signed))
                        .findFirst().orElse(signed);
                verification = new VerificationInput(stored.verification().status().name(),
                        stored.verification().source());
                stored.provisions().forEach(p -> provisions.add(new ProvisionInput(p.provision().name(), p.sources(),
                        new VerificationInput(p.verification().status().name(), p.verification().source()))));
            }
            all.addAll(sources);
            List<SourceRef> cited = List.copyOf(all);
            Provision implied = implied(first.model);
            if (implied != null && provisions.stream().noneMatch(p -> p.provision().equals(implied.name()))) {
                provisions.add(new ProvisionInput(implied.name(), List.of(MODELS, sources.iterator().next()), null));
            }
            List<PolicyEventInput> events = signedOn == null ? List.of() : List.of(new PolicyEventInput("SIGNED",
                    signedOn.toString(), "DAY", null, cited, null));
            String model = first.model == null ? "support model not given" : first.model.toLowerCase(Locale.ROOT)
                    .replace('_', ' ');
            return new PolicyInput(key, "287(g) agreement: " + first.agency + " (" + model + ")", "AGREEMENT_287G",
                    "From ICE's published lists of 287(g) agreements" + (signedOn == null
                            ? "; no plausible signing date is published." : "."),
                    List.of(agency.code), provisions, cited, verification, events,
                    existing.map(PolicyView::version).orElse(null));
        }
    }

    /** Where ICE describes what each support model delegates; the list row names the agreement's model. */
    static final SourceRef MODELS = new SourceRef("ICE, Delegation of Immigration Authority Section 287(g) Immigration"
            + " and Nationality Act: the support models", "https://www.ice.gov/identify-and-arrest/287g", null);

    /** The delegated authority a support model implies; none for a model the list does not name. */
    static Provision implied(String model) {
        if (model == null) {
            return null;
        }
        return switch (model) {
            case "JAIL_ENFORCEMENT" -> Provision.DELEGATED_JAIL_ENFORCEMENT;
            case "TASK_FORCE" -> Provision.DELEGATED_FIELD_ENFORCEMENT;
            case "WARRANT_SERVICE_OFFICER" -> Provision.DELEGATED_WARRANT_SERVICE;
            default -> null;
        };
    }

    private static SourceRef source(Agreement a) {
        String url = a.moaUrl != null && (a.moaUrl.startsWith("https://") || a.moaUrl.startsWith("http://"))
                ? a.moaUrl : null;
        return new SourceRef("ICE 287(g) list \"" + a.title + "\", " + a.fileAndSheet + ", row " + a.row, url, null);
    }

    private static String key(Agreement a) {
        String model = a.model == null ? "model-unknown" : PlaceNames.slug(a.model);
        String agency = PlaceNames.slug(a.agency);
        int room = MAX_KEY - ("287g-" + a.state + "--" + model).length();
        if (agency.length() > room) {
            agency = agency.substring(0, room).replaceAll("-+$", "");
        }
        return "287g-" + a.state.toLowerCase(Locale.ROOT) + "-" + agency + "-" + model;
    }

    /** The agency's jurisdiction, created under its county (when the list's county resolves) or its state. */
    private Jurisdiction agency(Agreement a, Map<String, List<Jurisdiction>> counties) {
        Jurisdiction state = jurisdictions.findByCode(a.state).orElseThrow();
        String code = PlaceNames.localCode("AG", a.state, a.agency);
        Optional<Jurisdiction> existing = jurisdictions.findByCode(code);
        if (existing.isPresent()) {
            return existing.get();
        }
        Jurisdiction agency = new Jurisdiction();
        agency.code = code;
        agency.kind = JurisdictionKind.AGENCY;
        agency.name = a.agency;
        agency.parent = county(counties.computeIfAbsent(a.state,
                s -> jurisdictions.list("parent = ?1 and kind = ?2", state, JurisdictionKind.COUNTY)), a.county)
                .orElse(state);
        jurisdictions.persist(agency);
        return agency;
    }

    private static Optional<Jurisdiction> county(List<Jurisdiction> counties, String countyRaw) {
        if (countyRaw == null || countyRaw.isBlank()) {
            return Optional.empty();
        }
        String wanted = PlaceNames.countyKey(countyRaw);
        return counties.stream()
                .filter(c -> PlaceNames.countyKey(c.name).equals(wanted))
                .min(Comparator.comparing(c -> c.name.contains("(city)")));
    }
}
