package org.detainerlab.core.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.detainerlab.core.jurisdiction.PlaceNames;

/**
 * What the resolver knows about U.S. places, read once from the classpath: the counties (and county equivalents)
 * of each state by name ({@code db/data/counties.csv}, from us-atlas), and GeoNames' ZIP codes with their place
 * name and county ({@code places/zip-counties.csv}, CC-BY 4.0, derived by tools/zip-counties-from-geonames.mjs).
 * A published city is looked up among the place names of its state's ZIP codes: the counties those ZIP codes lie
 * in, with how many ZIP codes each, are the city's candidate counties.
 */
public final class Gazetteer {

    /** A county or county equivalent: 5-digit FIPS code and name as the project stores it. */
    public record County(String code, String name) {

        public String stateFips() {
            return code.substring(0, 2);
        }

        /** Virginia's, Maryland's, Missouri's and Nevada's independent cities carry "(city)" when a county shares the name. */
        public boolean independentCity() {
            return name.endsWith("(city)") || code.startsWith("51") && Integer.parseInt(code.substring(2)) >= 500;
        }
    }

    private static final Gazetteer INSTANCE = new Gazetteer();

    private final Map<String, County> counties = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> countiesByWords = new HashMap<>();
    private final Map<String, Map<String, Map<String, Integer>>> cities = new HashMap<>();
    private final Map<String, String> zipCounties = new HashMap<>();
    private final Map<String, String> uspsByFips = new HashMap<>();
    private final Map<String, String> fipsByUsps = new HashMap<>();

    private Gazetteer() {
        read("db/data/states.csv", f -> {
            uspsByFips.put(f[2], f[1]);
            fipsByUsps.put(f[1], f[2]);
        });
        read("db/data/counties.csv", f -> {
            County county = new County(f[0], f[1]);
            counties.put(county.code(), county);
            countiesByWords.computeIfAbsent(county.stateFips(), s -> new HashMap<>())
                    .computeIfAbsent(PlaceKeys.words(PlaceNames.countyKey(county.name())), k -> new TreeSet<>())
                    .add(county.code());
        });
        read("places/zip-counties.csv", f -> {
            zipCounties.put(f[0], f[1]);
            cities.computeIfAbsent(f[1].substring(0, 2), s -> new HashMap<>())
                    .computeIfAbsent(PlaceKeys.words(f[2]), c -> new LinkedHashMap<>()).merge(f[1], 1, Integer::sum);
        });
    }

    public static Gazetteer get() {
        return INSTANCE;
    }

    private static void read(String resource, Consumer<String[]> line) {
        try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The gazetteer resource " + resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                if (!text.isBlank()) {
                    line.accept(text.split(";", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public County county(String code) {
        return counties.get(code);
    }

    public String usps(String stateFips) {
        return uspsByFips.get(stateFips);
    }

    public String fips(String usps) {
        return fipsByUsps.get(usps);
    }

    /** The counties of a state whose name, without "County", "Parish" ..., is these words. */
    public Set<String> countiesNamed(String stateFips, String words) {
        return countiesByWords.getOrDefault(stateFips, Map.of()).getOrDefault(words, Set.of());
    }

    /** County code to number of ZIP codes, for a city named by these words in a state; empty when unknown. */
    public Map<String, Integer> cityCounties(String stateFips, String words) {
        return cities.getOrDefault(stateFips, Map.of()).getOrDefault(words, Map.of());
    }

    /** The county of a ZIP code, or null. */
    public String zipCounty(String zip) {
        return zipCounties.get(zip);
    }

    /** Every county, for name searches. */
    public List<County> counties() {
        return List.copyOf(counties.values());
    }
}
