package org.detainerlab.core.annotation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.security.Caller;

/**
 * Every read of annotations goes through {@link #visibleTo}: what a caller may not see is never loaded, so no list,
 * count, export, reply or history can show it.
 */
@ApplicationScoped
public class AnnotationRepository implements PanacheRepository<Annotation> {

    /**
     * The visibility rule as a query condition on {@code a}: not deleted; RESEARCHERS for everyone, PRIVATE for
     * its author, TEAM for members of the team (and admins, who moderate every team); hidden ones only for their
     * author and moderators.
     */
    /**
     * The caller's own annotations: those with their subject, and those written before subjects were recorded
     * under their username (see {@link Annotation#authorSubject}).
     */
    private static final String OWN = "(a.authorSubject = :mySubject or (a.authorSubject is null and a.author = :me))";

    static String visibleTo(Caller caller, Parameters parameters) {
        StringBuilder where = new StringBuilder("a.deletedAt is null and (a.visibility = :researchers"
                + " or (a.visibility = :private and " + OWN + ")");
        parameters.and("researchers", Visibility.RESEARCHERS).and("private", Visibility.PRIVATE)
                .and("me", caller.username()).and("mySubject", caller.subject());
        if (caller.admin()) {
            where.append(" or a.visibility = :team");
            parameters.and("team", Visibility.TEAM);
        } else if (!caller.teams().isEmpty()) {
            where.append(" or (a.visibility = :team and a.team in :myTeams)");
            parameters.and("team", Visibility.TEAM).and("myTeams", List.copyOf(caller.teams()));
        }
        where.append(")");
        if (!caller.moderator()) {
            where.append(" and (a.hiddenAt is null or " + OWN + ")");
        }
        return where.toString();
    }

    public Optional<Annotation> findVisible(Caller caller, long id) {
        Parameters parameters = Parameters.with("id", id);
        return find("from Annotation a where a.id = :id and " + visibleTo(caller, parameters), parameters)
                .firstResultOptional();
    }

    /** The annotation locked for a change, if the caller can see it; read fresh from the database. */
    public Optional<Annotation> lockVisible(Caller caller, long id) {
        Parameters parameters = Parameters.with("id", id);
        return find("from Annotation a where a.id = :id and " + visibleTo(caller, parameters), parameters)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public PanacheQuery<Annotation> search(Caller caller, AnnotationQuery query) {
        Parameters parameters = new Parameters();
        List<String> where = new ArrayList<>();
        where.add(visibleTo(caller, parameters));
        if (query.targetKind() != null) {
            where.add("a.targetKind = :targetKind");
            parameters.and("targetKind", query.targetKind());
        }
        if (query.target() != null) {
            where.add("a.targetRef = :target");
            parameters.and("target", query.target());
        }
        if (query.tag() != null) {
            where.add(":tag member of a.tags");
            parameters.and("tag", query.tag());
        }
        if (query.q() != null) {
            where.add("lower(a.body) like :q");
            parameters.and("q", "%" + query.q().toLowerCase() + "%");
        }
        if (query.author() != null) {
            where.add("a.author = :author");
            parameters.and("author", query.author());
        }
        if (query.team() != null) {
            where.add("a.team = :teamName");
            parameters.and("teamName", query.team());
        }
        if (query.from() != null) {
            where.add("a.createdAt >= :from");
            parameters.and("from", query.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.add("a.createdAt < :to");
            parameters.and("to", query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.orphaned() != null) {
            where.add("a.orphaned = :orphaned");
            parameters.and("orphaned", query.orphaned());
        }
        if (query.parentId() != null) {
            where.add("a.parentId = :parentId");
            parameters.and("parentId", query.parentId());
        }
        return find("from Annotation a where " + String.join(" and ", where), Sort.by("createdAt").and("id"),
                parameters);
    }

    /** Every live passage annotation of a case record, whoever wrote it, locked: only for re-anchoring. */
    List<Annotation> passagesOfCaseForUpdate(long caseRecordId) {
        return find("targetKind = ?1 and targetRef = ?2 and deletedAt is null", Sort.by("id"),
                TargetKind.CASE_PASSAGE, String.valueOf(caseRecordId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
