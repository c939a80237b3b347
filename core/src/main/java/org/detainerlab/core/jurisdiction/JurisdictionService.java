package org.detainerlab.core.jurisdiction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.detainerlab.core.common.ConflictException;
import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.history.ChangeAction;
import org.detainerlab.core.history.ChangeHistory;

@ApplicationScoped
public class JurisdictionService {

    private static final Set<JurisdictionKind> ADDABLE = EnumSet.of(JurisdictionKind.CITY, JurisdictionKind.AGENCY);
    private static final Set<JurisdictionKind> ENCLOSING = EnumSet.of(JurisdictionKind.STATE, JurisdictionKind.DISTRICT,
            JurisdictionKind.TERRITORY, JurisdictionKind.COUNTY, JurisdictionKind.CITY);
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    private final JurisdictionRepository jurisdictions;
    private final ChangeHistory history;

    public JurisdictionService(JurisdictionRepository jurisdictions, ChangeHistory history) {
        this.jurisdictions = jurisdictions;
        this.history = history;
    }

    @Transactional
    public List<JurisdictionView> search(List<JurisdictionKind> kinds, String q) {
        AreasOfResponsibility areas = new AreasOfResponsibility(jurisdictions.areasOfResponsibility());
        return jurisdictions.search(kinds, q).stream().map(j -> JurisdictionView.of(j, areas)).toList();
    }

    /**
     * Adds a city or agency under a state, DC, territory, county or city; the change is recorded in the history of
     * kind {@code jurisdiction}. 422 for a wrong kind, name, code or parent; 409 when the code or the name under
     * that parent is taken.
     */
    @Transactional
    public JurisdictionView create(NewJurisdiction input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        JurisdictionKind kind = ADDABLE.stream()
                .filter(k -> input.kind() != null && k.name().equalsIgnoreCase(input.kind().trim()))
                .findFirst().orElse(null);
        if (kind == null) {
            errors.add(new FieldError("kind", "must be one of " + ADDABLE, input.kind()));
        }
        if (input.name() == null || input.name().isBlank()) {
            errors.add(new FieldError("name", "is required", input.name()));
        }
        Jurisdiction parent = input.parentCode() == null ? null
                : jurisdictions.findByCode(input.parentCode().trim().toUpperCase(Locale.ROOT)).orElse(null);
        if (parent == null || !ENCLOSING.contains(parent.kind)) {
            errors.add(new FieldError("parentCode", "must be the code of a state, DC, territory, county or city",
                    input.parentCode()));
        }
        String code = input.code() == null || input.code().isBlank() ? null : input.code().trim().toUpperCase(Locale.ROOT);
        if (code != null && (code.length() > PlaceNames.MAX_CODE || !CODE.matcher(code).matches())) {
            errors.add(new FieldError("code", "must be letters, digits and single hyphens, at most "
                    + PlaceNames.MAX_CODE + " characters", input.code()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        Jurisdiction place = new Jurisdiction();
        place.kind = kind;
        place.name = input.name().trim();
        place.parent = parent;
        place.code = code != null ? code
                : PlaceNames.localCode(kind == JurisdictionKind.CITY ? "CI" : "AG", stateCode(parent), place.name);
        if (jurisdictions.findByCode(place.code).isPresent()) {
            throw new ConflictException("A jurisdiction with code '" + place.code + "' already exists");
        }
        if (jurisdictions.count("upper(name) = ?1 and kind = ?2 and parent = ?3", place.name.toUpperCase(Locale.ROOT),
                kind, parent) > 0) {
            throw new ConflictException("A " + kind + " named '" + place.name + "' already exists under " + parent.code);
        }
        jurisdictions.persistAndFlush(place);
        JurisdictionView view = JurisdictionView.of(place,
                new AreasOfResponsibility(jurisdictions.areasOfResponsibility()));
        history.record("jurisdiction", place.id, 1, ChangeAction.CREATE, actor, null, null, view);
        return view;
    }

    private static String stateCode(Jurisdiction place) {
        for (Jurisdiction j = place; j != null; j = j.parent) {
            if (j.uspsCode != null) {
                return j.uspsCode;
            }
        }
        return "US";
    }

    @Transactional
    public JurisdictionView get(String code) {
        AreasOfResponsibility areas = new AreasOfResponsibility(jurisdictions.areasOfResponsibility());
        return jurisdictions.findByCode(code.toUpperCase())
                .map(j -> JurisdictionView.of(j, areas))
                .orElseThrow(() -> new ResourceNotFoundException("jurisdiction", code));
    }
}
