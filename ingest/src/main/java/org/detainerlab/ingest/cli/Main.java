package org.detainerlab.ingest.cli;

/** Entry point of the tools that the {@code detainerlab} launcher runs: {@code ingest} and {@code generate}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        try {
            return switch (command) {
                case "ingest" -> new IngestCommand(System.out, System.err).run(args);
                case "generate" -> new GenerateCommand(System.out).run(args);
                default -> {
                    System.err.println(IngestCommand.USAGE);
                    System.err.println(GenerateCommand.USAGE);
                    yield command.equals("help") ? 0 : 2;
                }
            };
        } catch (Arguments.UsageException e) {
            System.err.println("detainerlab " + command + ": " + e.getMessage());
            System.err.println(command.equals("generate") ? GenerateCommand.USAGE : IngestCommand.USAGE);
            return 2;
        } catch (java.io.IOException e) {
            System.err.println("detainerlab " + command + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("detainerlab " + command + ": unexpected error (please report it with this trace):");
            e.printStackTrace();
            return 1;
        }
    }
}
