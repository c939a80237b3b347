package org.detainerlab.bench;

import java.nio.file.Path;
import java.util.Locale;

import org.detainerlab.devstack.ProjectLayout;

/**
 * {@code ./detainerlab bench NAME [options]}: runs one benchmark and prints its results with the baseline measured
 * in the same run.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("ingest") || args[0].equals("stats"))) {
            System.err.println("Usage: ./detainerlab bench ingest [--rows N]   (default 1,000,000 rows)");
            System.err.println("       ./detainerlab bench stats [--rows N] [--clients N] [--seconds N]"
                    + "   (default 5,000,000 rows, 32 clients, 30 s)");
            System.err.println("       ./detainerlab bench stats --mix cold [--rows N] [--clients N] [--questions N]"
                    + "   (default 5,000,000 rows, 8 clients, 500 distinct questions)");
            System.exit(2);
        }
        boolean stats = args[0].equals("stats");
        long rows = stats ? 5_000_000 : 1_000_000;
        Integer clients = null;
        int seconds = 30;
        int questions = 500;
        StatsBenchmark.Mix mix = StatsBenchmark.Mix.WARM;
        for (int i = 1; i + 1 < args.length; i += 2) {
            String value = args[i + 1].replace("_", "").replace(",", "");
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--questions" -> questions = Integer.parseInt(value);
                case "--mix" -> mix = StatsBenchmark.Mix.valueOf(value.toUpperCase(Locale.ROOT));
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (stats) {
            int defaultClients = mix == StatsBenchmark.Mix.COLD ? 8 : 32;
            new StatsBenchmark(System.out).run(rows, clients == null ? defaultClients : clients, seconds, mix, questions,
                    ProjectLayout.locate().stateDir().resolve("bench"));
            return;
        }
        String data = System.getenv("DETAINERLAB_DATA_DIR");
        Path root = Path.of(System.getProperty("detainerlab.project.root", ".")).toAbsolutePath().normalize();
        Path realData = data == null || data.isBlank() ? root.resolveSibling("shared").resolve("data") : Path.of(data);
        new IngestBenchmark(System.out).run(rows, root.resolve(".detainerlab/bench"), realData);
    }
}
