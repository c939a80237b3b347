package org.detainerlab.core.figure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.detainer.DetainerFilter;
import org.detainerlab.core.detainer.FiscalYear;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.detainer.ReleaseRef;
import org.detainerlab.core.detainer.SnapshotSource;
import org.detainerlab.core.stats.StatsAnswer;
import org.detainerlab.core.stats.StatsQuery;
import org.detainerlab.core.stats.StatsService;

/**
 * Saved figures. A figure whose query names no release reads the release series: it is saved with the series parts
 * its answer read, and drifts when today's series gives other numbers (a newer release, or an admin's change of
 * precedence, scope or withdrawal). A figure whose query names releases is saved with them, and answered again
 * through {@link StatsService}, so it gives the numbers the statistics API gives. For those:
 * drift is defined against newer releases only: those loaded after the figure was saved whose coverage overlaps the
 * figure's period (its from/to or fiscal years, else the pinned releases' coverage). A figure has drifted when
 * its query over the pinned releases plus those newer ones gives other rows or another total than it was saved
 * with.
 */
@ApplicationScoped
public class FigureService {

    public static final String PATH = "/api/v1/figures/";
    private static final String STATS_PATH = "/api/v1/stats/detainers?";
    private static final TypeReference<List<ReleaseRef>> RELEASES = new TypeReference<>() {
    };

    private final FigureRepository figures;
    private final StatsService stats;
    private final SnapshotSource snapshots;
    private final ObjectMapper json;

    public FigureService(FigureRepository figures, StatsService stats, SnapshotSource snapshots, ObjectMapper json) {
        this.figures = figures;
        this.stats = stats;
        this.snapshots = snapshots;
        this.json = json;
    }

    @Transactional
    public FigureView save(@Valid FigureInput input, String actor) {
        Map<String, List<String>> parameters = parameters(input.query());
        List<ReleaseRef> known = snapshots.current().releases();
        StatsAnswer answer;
        DetainerFilter filter;
        try {
            answer = stats.detainers(QueryParameters.of(parameters));
            filter = StatsQuery.parse(QueryParameters.of(parameters), snapshots.current()).filter();
        } catch (InvalidQueryException e) {
            throw ValidationFailedException.of("query", "parameter '" + e.parameter() + "' " + e.getMessage(),
                    input.query());
        }
        if (answer.provenance().releases().isEmpty()) {
            throw ValidationFailedException.of("query", "no detainer release is loaded, so there is nothing to pin",
                    input.query());
        }
        Figure figure = new Figure();
        figure.title = input.title() == null || input.title().isBlank() ? null : input.title().trim();
        figure.query = answer.provenance().query();
        figure.releases = write(answer.provenance().releases());
        figure.series = answer.provenance().series() == null ? null : write(answer.provenance().series());
        figure.knownReleaseIds = known.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
        figure.periodFrom = filter.from() != null ? filter.from()
                : filter.fiscalYears().stream().min(Integer::compare).map(FiscalYear::firstDay).orElse(null);
        figure.periodTo = filter.to() != null ? filter.to()
                : filter.fiscalYears().stream().max(Integer::compare).map(FiscalYear::lastDay).orElse(null);
        figure.answer = write(values(answer));
        figure.createdAt = OffsetDateTime.now();
        figure.createdBy = actor;
        figures.persistAndFlush(figure);
        return get(figure.id);
    }

    @Transactional
    public FigureView get(long id) {
        Figure figure = figures.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("figure", id));
        FigureValues saved = read(figure.answer, new TypeReference<>() {
        });
        List<ReleaseRef> pinned = read(figure.releases, RELEASES);
        Map<String, List<String>> parameters = parameters(figure.query);
        List<String> notes = new ArrayList<>();
        FigureValues rerun = answer(parameters, notes);
        LocalDate from = figure.periodFrom != null ? figure.periodFrom
                : pinned.stream().map(ReleaseRef::coverageFrom).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        LocalDate to = figure.periodTo != null ? figure.periodTo
                : pinned.stream().map(ReleaseRef::coverageTo).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        if (figure.series != null) {
            return seriesFigure(figure, saved, rerun, from, to, notes);
        }
        Set<String> known = Set.copyOf(Arrays.asList(figure.knownReleaseIds.split(",")));
        List<ReleaseRef> newer = snapshots.current().releases().stream()
                .filter(r -> !known.contains(Long.toString(r.id())) && overlaps(r, from, to)).toList();
        FigureValues current = rerun;
        if (!newer.isEmpty()) {
            List<String> ids = new ArrayList<>(pinned.stream().map(r -> Long.toString(r.id())).toList());
            newer.forEach(r -> ids.add(Long.toString(r.id())));
            Map<String, List<String>> withNewer = new LinkedHashMap<>(parameters);
            withNewer.put("release", ids);
            current = answer(withNewer, notes);
            notes.add("Newer releases overlap the figure's period: " + String.join(", ", newer.stream()
                    .map(r -> r.id() + " (" + r.title() + ")").toList()) + "; current counts the pinned and the newer"
                    + " releases together.");
        }
        boolean reproduced = rerun != null && sameNumbers(rerun, saved);
        boolean drifted = current != null && !sameNumbers(current, saved);
        return new FigureView(figure.id, PATH + figure.id, figure.title, figure.query, from, to, saved, rerun,
                reproduced, current, drifted, notes, figure.createdAt, figure.createdBy);
    }

    /**
     * A figure on the release series is its query asked again: the series today. It has drifted when the numbers
     * differ, which happens when the series changed (a newer release, a precedence, scope or withdrawal); the notes
     * then set the parts it was saved with beside today's.
     */
    private FigureView seriesFigure(Figure figure, FigureValues saved, FigureValues current, LocalDate from,
                                    LocalDate to, List<String> notes) {
        boolean same = current != null && sameNumbers(current, saved);
        String now = current == null ? null : write(stats.detainers(QueryParameters.of(parameters(figure.query)))
                .provenance().series());
        if (now != null && !json(now).equals(json(figure.series))) {
            notes.add("The release series changed since the figure was saved: it read " + figure.series
                    + "; today it reads " + now + ".");
        }
        return new FigureView(figure.id, PATH + figure.id, figure.title, figure.query, from, to, saved, current,
                same, current, current != null && !same, notes, figure.createdAt, figure.createdBy);
    }

    private com.fasterxml.jackson.databind.JsonNode json(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored figure is not valid JSON", e);
        }
    }

    private FigureValues answer(Map<String, List<String>> parameters, List<String> notes) {
        try {
            return values(stats.detainers(QueryParameters.of(parameters)));
        } catch (InvalidQueryException e) {
            notes.add("The figure cannot be answered again: parameter '" + e.parameter() + "' " + e.getMessage());
            return null;
        }
    }

    private static FigureValues values(StatsAnswer answer) {
        return new FigureValues(answer.rows(), answer.total(), answer.provenance().releases());
    }

    private boolean sameNumbers(FigureValues a, FigureValues b) {
        return write(new FigureValues(a.rows(), a.total(), null)).equals(write(new FigureValues(b.rows(), b.total(), null)));
    }

    private static boolean overlaps(ReleaseRef release, LocalDate from, LocalDate to) {
        return release.coverageFrom() != null && (to == null || !release.coverageFrom().isAfter(to))
                && (from == null || !release.coverageTo().isBefore(from));
    }

    /** {@code groupBy=state&outcome=DECLINED}, with or without a leading {@code /api/v1/stats/detainers?}. */
    static Map<String, List<String>> parameters(String query) {
        String q = query.trim();
        if (q.startsWith(STATS_PATH)) {
            q = q.substring(STATS_PATH.length());
        } else if (q.startsWith("?")) {
            q = q.substring(1);
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a figure as JSON", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored figure is not valid JSON", e);
        }
    }
}
