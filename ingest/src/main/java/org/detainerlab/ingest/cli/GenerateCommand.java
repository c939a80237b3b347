package org.detainerlab.ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.detainerlab.ingest.cli.Arguments.UsageException;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;

/** {@code ./detainerlab generate --rows N --layout L --out FILE [--seed S]}: writes a synthetic release. */
final class GenerateCommand {

    static final String USAGE = """
            Usage: ./detainerlab generate --rows N --layout LAYOUT --out FILE [--seed S]
              LAYOUT is one of ice-modern-xlsx, ice-modern-csv, ice-2015-xlsx, ddp-csv.
              The rows are invented (the title rows say so); the same seed gives the same file.""";

    private static final Set<String> OPTIONS = Set.of("rows", "layout", "out", "seed");

    private final PrintStream out;

    GenerateCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) throws UsageException, IOException {
        Arguments arguments = new Arguments(args, 1, OPTIONS);
        if (arguments.get("layout") == null || arguments.get("out") == null || arguments.get("rows") == null) {
            throw new UsageException("--rows, --layout and --out are required");
        }
        Layout layout = Layout.byLabel(arguments.get("layout")).orElseThrow(() -> new UsageException("unknown layout '"
                + arguments.get("layout") + "'; one of " + Arrays.stream(Layout.values()).map(Layout::label).toList()));
        long rows = arguments.number("rows", 0);
        if (rows < 1) {
            throw new UsageException("--rows must be at least 1");
        }
        long started = System.nanoTime();
        SyntheticReleases.Tally tally = SyntheticReleases.write(layout, rows, arguments.number("seed", 1),
                Path.of(arguments.get("out")));
        out.printf("Wrote %,d synthetic rows (%s) to %s in %.1f s.%n", tally.rows(), layout.label(), arguments.get("out"),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
