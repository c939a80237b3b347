package org.detainerlab.core.facility;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

import org.detainerlab.core.jurisdiction.Jurisdiction;

@Entity
@Table(name = "facility")
public class Facility {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    /** ICE's detention facility code, where known. */
    @Column(name = "ice_code", unique = true)
    public String iceCode;

    public String city;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "state_id")
    public Jurisdiction state;

    /** The county the facility stands in, which lets detainers be counted by county. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "county_id")
    public Jurisdiction county;

    /** Spellings of the name seen in source files, upper-case and trimmed, used to resolve raw names. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "facility_alias", joinColumns = @JoinColumn(name = "facility_id"))
    @Column(name = "alias")
    public Set<String> aliases = new TreeSet<>();

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** The form in which names and aliases are compared: upper-case, trimmed, inner spaces collapsed. */
    public static String matchKey(String name) {
        return name == null ? null : name.trim().replaceAll("\\s+", " ").toUpperCase();
    }
}
