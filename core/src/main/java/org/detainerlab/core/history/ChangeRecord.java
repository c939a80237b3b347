package org.detainerlab.core.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded change of a curated item; never updated once written. */
@Entity
@Table(name = "change_record")
public class ChangeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_kind", nullable = false, updatable = false)
    public String itemKind;
    @Column(name = "item_id", nullable = false, updatable = false)
    public long itemId;
    @Column(nullable = false, updatable = false)
    public long version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ChangeAction action;
    @Column(nullable = false, updatable = false)
    public String actor;
    @Column(name = "changed_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime changedAt;
    @Column(updatable = false)
    public String note;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public String before;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public String after;
}
