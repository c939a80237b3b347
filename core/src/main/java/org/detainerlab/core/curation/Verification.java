package org.detainerlab.core.curation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.detainerlab.core.common.FieldError;

/** The verification columns shared by curated items and their events. */
@Embeddable
public class Verification {

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_status", nullable = false)
    public VerificationStatus status = VerificationStatus.UNVERIFIED;
    @Column(name = "verified_by")
    public String by;
    @Column(name = "verified_at")
    public OffsetDateTime at;
    @Column(name = "verified_against")
    public String against;

    public VerificationView view() {
        return new VerificationView(status, by, at, against);
    }

    /**
     * The verification an input asks for. VERIFIED names one of the item's sources (citation or index); who and
     * when are the caller and now, unless the item was already verified against the same source, which keeps
     * the first verification. Absent means UNVERIFIED.
     */
    public static Verification resolve(VerificationInput input, VerificationView previous, List<SourceRef> sources,
                                       String actor, OffsetDateTime now, String field, List<FieldError> errors) {
        Verification result = new Verification();
        if (input == null || input.status() == null) {
            return result;
        }
        VerificationStatus status = Enums.parse(VerificationStatus.class, input.status(), field + ".status", errors);
        if (status != VerificationStatus.VERIFIED) {
            return result;
        }
        String against = checkedSource(input.source(), sources);
        if (against == null) {
            errors.add(new FieldError(field + ".source", "must be the citation, or the index from 0, of one of the"
                    + " sources of this item when the status is VERIFIED", input.source()));
            return result;
        }
        result.status = VerificationStatus.VERIFIED;
        result.against = against;
        if (previous != null && previous.status() == VerificationStatus.VERIFIED
                && Objects.equals(previous.source(), against)) {
            result.by = previous.by();
            result.at = previous.at();
        } else {
            result.by = actor;
            result.at = now;
        }
        return result;
    }

    private static String checkedSource(String named, List<SourceRef> sources) {
        if (named == null || named.isBlank() || sources == null) {
            return null;
        }
        String value = named.trim();
        if (value.chars().allMatch(Character::isDigit) && value.length() < 4) {
            int index = Integer.parseInt(value);
            return index < sources.size() && sources.get(index) != null ? sources.get(index).citation() : null;
        }
        return sources.stream().filter(Objects::nonNull).map(SourceRef::citation)
                .filter(c -> c != null && c.trim().equals(value)).findFirst().orElse(null);
    }
}
