package org.detainerlab.core.place;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The county that contains a point, by point in polygon against the county geometry the project ships
 * ({@code places/counties-10m.json}: us-atlas 3.0.1, ISC licence, U.S. Census Bureau cartographic boundaries at
 * 1:10,000,000, the same file the web map draws). Read once per JVM: the TopoJSON arcs are decoded with the
 * topology's transform into one array of rings per county (outer rings and holes alike, so that the even-odd rule
 * of ray casting leaves enclaves such as Virginia's independent cities out of the county around them). A grid of
 * one-degree cells, each listing the counties whose bounding box touches it, keeps a lookup to a handful of tests.
 * The geometry is simplified for drawing: a point within a few hundred metres of a county line may fall on the
 * wrong side of it, which is why the evidence keeps the coordinates.
 */
public final class CountyShapes {

    public static final String RESOURCE = "places/counties-10m.json";

    private record Shape(String code, double[][] rings, double minX, double minY, double maxX, double maxY) {

        boolean contains(double x, double y) {
            if (x < minX || x > maxX || y < minY || y > maxY) {
                return false;
            }
            boolean inside = false;
            for (double[] ring : rings) {
                for (int i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
                    double xi = ring[i];
                    double yi = ring[i + 1];
                    double xj = ring[j];
                    double yj = ring[j + 1];
                    if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }
    }

    private static final class Holder {
        private static final CountyShapes INSTANCE = load();
    }

    private final Map<Long, List<Shape>> cells;

    private CountyShapes(List<Shape> shapes) {
        Map<Long, List<Shape>> grid = new HashMap<>();
        for (Shape shape : shapes) {
            for (int cx = cell(shape.minX()); cx <= cell(shape.maxX()); cx++) {
                for (int cy = cell(shape.minY()); cy <= cell(shape.maxY()); cy++) {
                    grid.computeIfAbsent(key(cx, cy), k -> new ArrayList<>()).add(shape);
                }
            }
        }
        this.cells = grid;
    }

    public static CountyShapes get() {
        return Holder.INSTANCE;
    }

    /** The 5-digit FIPS code of the county containing the point, or null when it lies in none (at sea, abroad). */
    public String countyAt(double latitude, double longitude) {
        for (Shape shape : cells.getOrDefault(key(cell(longitude), cell(latitude)), List.of())) {
            if (shape.contains(longitude, latitude)) {
                return shape.code();
            }
        }
        return null;
    }

    private static int cell(double degrees) {
        return (int) Math.floor(degrees);
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }

    private static CountyShapes load() {
        JsonNode topology;
        try (InputStream in = CountyShapes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The county geometry " + RESOURCE + " is missing from the classpath");
            }
            topology = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[][] arcs = arcs(topology);
        List<Shape> shapes = new ArrayList<>();
        for (JsonNode geometry : topology.path("objects").path("counties").path("geometries")) {
            List<JsonNode> polygons = new ArrayList<>();
            switch (geometry.path("type").asText()) {
                case "Polygon" -> polygons.add(geometry.path("arcs"));
                case "MultiPolygon" -> geometry.path("arcs").forEach(polygons::add);
                default -> {
                    continue;
                }
            }
            List<double[]> rings = new ArrayList<>();
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    rings.add(ring(ring, arcs));
                }
            }
            shapes.add(shape(geometry.path("id").asText(), rings));
        }
        return new CountyShapes(shapes);
    }

    /** Every arc as x,y pairs in degrees: quantized positions are deltas from the previous one, then transformed. */
    private static double[][] arcs(JsonNode topology) {
        JsonNode transform = topology.path("transform");
        double sx = transform.path("scale").path(0).asDouble(1);
        double sy = transform.path("scale").path(1).asDouble(1);
        double tx = transform.path("translate").path(0).asDouble(0);
        double ty = transform.path("translate").path(1).asDouble(0);
        boolean quantized = !transform.isMissingNode();
        JsonNode source = topology.path("arcs");
        double[][] arcs = new double[source.size()][];
        for (int a = 0; a < arcs.length; a++) {
            JsonNode arc = source.get(a);
            double[] points = new double[arc.size() * 2];
            long x = 0;
            long y = 0;
            for (int p = 0; p < arc.size(); p++) {
                JsonNode position = arc.get(p);
                if (quantized) {
                    x += position.get(0).asLong();
                    y += position.get(1).asLong();
                    points[2 * p] = x * sx + tx;
                    points[2 * p + 1] = y * sy + ty;
                } else {
                    points[2 * p] = position.get(0).asDouble();
                    points[2 * p + 1] = position.get(1).asDouble();
                }
            }
            arcs[a] = points;
        }
        return arcs;
    }

    /** A ring's positions from its arcs; index ~i is arc i reversed; each arc after the first drops its first point. */
    private static double[] ring(JsonNode indexes, double[][] arcs) {
        List<Double> points = new ArrayList<>();
        for (JsonNode index : indexes) {
            int i = index.asInt();
            double[] arc = arcs[i >= 0 ? i : ~i];
            int n = arc.length / 2;
            for (int k = points.isEmpty() ? 0 : 1; k < n; k++) {
                int p = i >= 0 ? k : n - 1 - k;
                points.add(arc[2 * p]);
                points.add(arc[2 * p + 1]);
            }
        }
        double[] ring = new double[points.size()];
        for (int k = 0; k < ring.length; k++) {
            ring[k] = points.get(k);
        }
        return ring;
    }

    private static Shape shape(String code, List<double[]> rings) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] ring : rings) {
            for (int i = 0; i < ring.length; i += 2) {
                minX = Math.min(minX, ring[i]);
                maxX = Math.max(maxX, ring[i]);
                minY = Math.min(minY, ring[i + 1]);
                maxY = Math.max(maxY, ring[i + 1]);
            }
        }
        return new Shape(code, rings.toArray(double[][]::new), minX, minY, maxX, maxY);
    }
}
