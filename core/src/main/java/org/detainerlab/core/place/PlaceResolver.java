package org.detainerlab.core.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.detainerlab.core.place.Gazetteer.County;
import org.detainerlab.core.place.Resolution.Candidate;

/**
 * Resolves one published place (state, facility spelling, facility code, city) to a county by the automatic
 * methods, strongest first: the facility code (its reference coordinates placed in a county by point in polygon,
 * else by its address's ZIP code; when the two disagree the place goes to review), a name that names its county, then the city. Curated facilities,
 * which win over all of these, are applied by {@link PlaceResolutions} before it asks here. Nothing ambiguous is
 * guessed: a name that names two counties, a city whose ZIP codes lie in several counties and a row without a
 * state come back ambiguous or empty, with the candidates for a curator.
 */
public final class PlaceResolver {

    /** Words that follow a county's name in ICE's facility names: COUNTY JAIL, CNTY, CTY, CO. JAIL, PARISH. */
    private static final Set<String> COUNTY_WORDS = Set.of("COUNTY", "CNTY", "CTY", "CO", "PARISH", "PAR");

    static final double CODE_CONFIDENCE = 0.97;
    static final double NAME_CONFIDENCE = 0.95;
    static final double NAME_AND_CITY_CONFIDENCE = 0.99;
    static final double CITY_CONFIDENCE = 0.9;
    /** An ambiguous city's leading county is proposed at most this sure, below any sensible accept-all threshold. */
    static final double AMBIGUOUS_CEILING = 0.6;

    private final Gazetteer gazetteer;
    private final CountyShapes shapes;
    private final FacilityReference reference;

    public PlaceResolver(Gazetteer gazetteer, CountyShapes shapes, FacilityReference reference) {
        this.gazetteer = gazetteer;
        this.shapes = shapes;
        this.reference = reference;
    }

    /**
     * @param stateFips the row's state as a 2-digit FIPS code, or null when the row names none
     * @param facility the facility spelling's key, "" when none
     * @param code the facility code's key, "" when none
     * @param city the city's key, "" when none
     */
    public Resolution resolve(String stateFips, String facility, String code, String city) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        Resolution byCode = byCode(code, stateFips, evidence);
        if (byCode != null) {
            return byCode;
        }
        if (stateFips == null) {
            evidence.put("reason", "the row names no state, so neither its facility name nor its city can be placed");
            return new Resolution(null, null, 0, false, evidence, List.of());
        }
        Map<String, Integer> cityCounties = cityCounties(stateFips, city);
        Resolution byName = byName(stateFips, facility, cityCounties, evidence);
        if (byName != null) {
            return byName;
        }
        return byCity(stateFips, city, cityCounties, evidence);
    }

    private Resolution byCode(String code, String stateFips, Map<String, Object> evidence) {
        if (code.isEmpty()) {
            return null;
        }
        if (reference.source() == null) {
            evidence.put("code", "the facility code " + code + " could not be looked up: " + FacilityReference.FILE
                    + " is not in the data folder");
            return null;
        }
        FacilityReference.Entry entry = reference.find(code);
        if (entry == null) {
            evidence.put("code", "the facility code " + code + " is not in " + FacilityReference.FILE);
            return null;
        }
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("file", FacilityReference.FILE);
        reference.put("code", entry.code());
        reference.put("name", entry.name());
        reference.put("address", entry.address());
        reference.put("latitude", entry.latitude());
        reference.put("longitude", entry.longitude());
        String zip = entry.zip();
        String zipCounty = zip == null ? null : gazetteer.zipCounty(zip);
        String pointCounty = pointCounty(entry);
        String county = pointCounty != null ? pointCounty : zipCounty;
        if (county == null) {
            evidence.put("code", "the facility code " + code + " is in " + FacilityReference.FILE + " but neither its"
                    + " coordinates lie in a county of " + CountyShapes.RESOURCE + " nor has its address a ZIP code the"
                    + " gazetteer knows: " + entry.address());
            return null;
        }
        evidence.put("reference", reference);
        if (zip != null) {
            evidence.put("zip", zip);
        }
        boolean lineInDoubt = pointCounty != null && zipCounty != null && !zipCounty.equals(pointCounty);
        if (pointCounty != null) {
            evidence.put("countyBy", "point in polygon: the reference coordinates lie in this county of "
                    + CountyShapes.RESOURCE);
        } else {
            evidence.put("countyBy", "ZIP code " + zip + " of the reference address, because its coordinates lie in"
                    + " no county of " + CountyShapes.RESOURCE);
        }
        evidence.put("county", describe(county));
        if (lineInDoubt) {
            evidence.put("zipCounty", "the address's ZIP code " + zip + " is in " + describe(zipCounty)
                    + " in GeoNames");
            evidence.put("reason", "the coordinates and the ZIP code name different counties: the facility lies near"
                    + " a county line, closer than the drawn geometry can tell");
            return new Resolution(PlaceMethod.CODE, county, AMBIGUOUS_CEILING, true, evidence, List.of(
                    new Candidate(pointCounty, name(pointCounty), "reference coordinates, point in polygon"),
                    new Candidate(zipCounty, name(zipCounty), "ZIP code " + zip + " of the reference address")));
        }
        boolean otherState = stateFips != null && !county.startsWith(stateFips);
        if (otherState) {
            evidence.put("warning", "the reference facility lies in another state than the row's");
        }
        return new Resolution(PlaceMethod.CODE, county, otherState ? AMBIGUOUS_CEILING : CODE_CONFIDENCE, otherState,
                evidence, otherState ? List.of(new Candidate(county, name(county), "reference facility " + entry.code()))
                        : List.of());
    }

    /** The county containing the reference coordinates, or null when they are missing or lie in none. */
    private String pointCounty(FacilityReference.Entry entry) {
        try {
            return shapes.countyAt(Double.parseDouble(entry.latitude()), Double.parseDouble(entry.longitude()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A county named before a county word ("HARRIS COUNTY JAIL", "SANTA CLARA CO MAIN JAIL/"), an independent city
     * named before CITY ("RICHMOND CITY JAIL"), or a name that is a county's name and nothing else ("PRINCE WILLIAM").
     */
    private Resolution byName(String stateFips, String facility, Map<String, Integer> cityCounties,
                              Map<String, Object> evidence) {
        String[] words = PlaceKeys.words(facility).split(" ");
        Set<String> found = new LinkedHashSet<>();
        String matched = null;
        for (int i = 1; i < words.length; i++) {
            boolean countyWord = COUNTY_WORDS.contains(words[i]);
            boolean cityWord = words[i].equals("CITY");
            if (!countyWord && !cityWord) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                String name = String.join(" ", java.util.Arrays.copyOfRange(words, j, i));
                List<String> counties = gazetteer.countiesNamed(stateFips, name).stream()
                        .filter(c -> gazetteer.county(c).independentCity() == cityWord).toList();
                if (!counties.isEmpty()) {
                    found.addAll(counties);
                    matched = name + " " + words[i];
                    break;
                }
            }
        }
        if (found.isEmpty()) {
            String whole = String.join(" ", words);
            found.addAll(gazetteer.countiesNamed(stateFips, whole).stream()
                    .filter(c -> !gazetteer.county(c).independentCity()).toList());
            matched = found.isEmpty() ? null : whole;
        }
        if (found.isEmpty()) {
            return null;
        }
        evidence.put("pattern", "the facility name names a county of its state: \"" + matched + "\"");
        if (found.size() > 1) {
            evidence.put("reason", "the name matches several counties of the state");
            return new Resolution(PlaceMethod.NAME_PATTERN, null, 0, true, evidence,
                    found.stream().map(c -> new Candidate(c, name(c), "named by \"" + facility + "\"")).toList());
        }
        String county = found.iterator().next();
        evidence.put("county", describe(county));
        boolean cityAgrees = cityCounties.containsKey(county);
        if (!cityCounties.isEmpty()) {
            evidence.put("city", cityAgrees ? "the row's city has ZIP codes in this county"
                    : "the row's city has no ZIP code in this county (" + String.join(", ", cityCounties.keySet()) + ")");
        }
        return new Resolution(PlaceMethod.NAME_PATTERN, county, cityAgrees ? NAME_AND_CITY_CONFIDENCE : NAME_CONFIDENCE,
                false, evidence, List.of());
    }

    private Map<String, Integer> cityCounties(String stateFips, String city) {
        String words = PlaceKeys.words(city);
        if (words.isEmpty()) {
            return Map.of();
        }
        List<String> independent = gazetteer.countiesNamed(stateFips, words).stream()
                .filter(c -> gazetteer.county(c).independentCity()).toList();
        if (independent.size() == 1) {
            return Map.of(independent.get(0), 0);
        }
        return gazetteer.cityCounties(stateFips, words);
    }

    private Resolution byCity(String stateFips, String city, Map<String, Integer> counties, Map<String, Object> evidence) {
        String usps = gazetteer.usps(stateFips);
        if (counties.isEmpty()) {
            evidence.put("reason", city.isEmpty() ? "no county in the facility name and no city in the row"
                    : "no county in the facility name, and the gazetteer has no place \"" + city + "\" in " + usps);
            return new Resolution(null, null, 0, false, evidence, List.of());
        }
        if (counties.size() == 1) {
            String county = counties.keySet().iterator().next();
            int zips = counties.get(county);
            evidence.put("gazetteer", zips == 0 ? "\"" + city + "\" is an independent city of " + usps
                    : "\"" + city + ", " + usps + "\": " + zips + " ZIP code(s) in GeoNames, all in one county");
            evidence.put("county", describe(county));
            return new Resolution(PlaceMethod.GAZETTEER, county, CITY_CONFIDENCE, false, evidence, List.of());
        }
        int total = counties.values().stream().mapToInt(Integer::intValue).sum();
        List<Candidate> candidates = new ArrayList<>();
        counties.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> candidates.add(new Candidate(e.getKey(), name(e.getKey()),
                        e.getValue() + " of " + total + " ZIP codes of \"" + city + "\"")));
        evidence.put("gazetteer", "\"" + city + ", " + usps + "\": " + total + " ZIP codes in GeoNames, in "
                + counties.size() + " counties");
        evidence.put("reason", "the city lies in several counties");
        Candidate leading = candidates.get(0);
        double share = (double) counties.get(leading.county()) / total;
        return new Resolution(PlaceMethod.GAZETTEER, leading.county(), AMBIGUOUS_CEILING * share, true, evidence,
                candidates);
    }

    private String name(String county) {
        County c = gazetteer.county(county);
        return c.name() + ", " + gazetteer.usps(c.stateFips());
    }

    private String describe(String county) {
        return county + " " + name(county);
    }
}
