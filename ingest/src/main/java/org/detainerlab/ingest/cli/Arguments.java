package org.detainerlab.ingest.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line words: positional arguments and {@code --name value} options, checked against what is allowed. */
final class Arguments {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    Arguments(String[] args, int from, Set<String> allowed) throws UsageException {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                if (!allowed.contains(name)) {
                    throw new UsageException("unknown option " + arg);
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                options.put(name, args[++i]);
            } else {
                positional.add(arg);
            }
        }
    }

    List<String> positional() {
        return positional;
    }

    String get(String name) {
        return options.get(name);
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    LocalDate date(String name) throws UsageException {
        String value = options.get(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " takes a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    double share(String name, double fallback) throws UsageException {
        String value = options.get(name);
        try {
            double share = value == null ? fallback : Double.parseDouble(value);
            if (share < 0 || share > 1) {
                throw new NumberFormatException();
            }
            return share;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a share between 0 and 1 (0.01 is 1%), not '" + value + "'");
        }
    }

    long number(String name, long fallback) throws UsageException {
        String value = options.get(name);
        try {
            return value == null ? fallback : Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + value + "'");
        }
    }

    /** The command line is wrong; the message says how. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
