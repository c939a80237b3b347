package org.detainerlab.bench;

import java.nio.file.Path;

/**
 * {@code ./detainerlab bench NAME [--rows N]}: runs one benchmark and prints its results with the baseline measured
 * in the same run.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("ingest")) {
            System.err.println("Usage: ./detainerlab bench ingest [--rows N]   (default 1,000,000 rows)");
            System.exit(2);
        }
        long rows = 1_000_000;
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (args[i].equals("--rows")) {
                rows = Long.parseLong(args[i + 1].replace("_", "").replace(",", ""));
            }
        }
        String data = System.getenv("DETAINERLAB_DATA_DIR");
        Path root = Path.of(System.getProperty("detainerlab.project.root", ".")).toAbsolutePath().normalize();
        Path realData = data == null || data.isBlank() ? root.resolveSibling("shared").resolve("data") : Path.of(data);
        new IngestBenchmark(System.out).run(rows, root.resolve(".detainerlab/bench"), realData);
    }
}
