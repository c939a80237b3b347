package org.detainerlab.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point used by the {@code detainerlab} launcher: runs one service in the foreground until it is
 * told to stop (SIGTERM or Ctrl-C), then stops it cleanly.
 *
 * <pre>
 * java -jar devstack.jar postgres --data DIR --port N
 * java -jar devstack.jar keycloak --install DIR --port N --log FILE   (admin password in DETAINERLAB_KEYCLOAK_ADMIN_PASSWORD)
 * java -jar devstack.jar keycloak-export --install DIR --file FILE --log FILE   (Keycloak stopped)
 * java -jar devstack.jar keycloak-import --install DIR --file FILE --log FILE   (Keycloak stopped)
 * java -jar devstack.jar keycloak-version
 * </pre>
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            usage("no command");
        }
        Map<String, String> options = options(args);
        ProjectLayout layout = ProjectLayout.locate();
        AutoCloseable service;
        switch (args[0]) {
            case "keycloak-version" -> {
                System.out.println(ProjectLayout.keycloakVersion());
                return;
            }
            case "keycloak-export", "keycloak-import" -> {
                Path install = Path.of(required(options, "install"));
                Path file = Path.of(required(options, "file"));
                Path log = Path.of(required(options, "log"));
                if (args[0].equals("keycloak-export")) {
                    KeycloakServer.exportRealm(layout.keycloakDistribution(), install, file, log);
                } else {
                    KeycloakServer.importRealm(layout.keycloakDistribution(), install, file, log);
                }
                return;
            }
            case "postgres" -> {
                PostgresServer server = PostgresServer.start(Path.of(required(options, "data")),
                        Integer.parseInt(required(options, "port")));
                System.out.println("READY postgres " + server.jdbcUrl());
                service = server;
            }
            case "keycloak" -> {
                String password = System.getenv("DETAINERLAB_KEYCLOAK_ADMIN_PASSWORD");
                if (password == null || password.isBlank()) {
                    usage("DETAINERLAB_KEYCLOAK_ADMIN_PASSWORD is not set");
                }
                KeycloakServer server = KeycloakServer.start(layout.keycloakDistribution(),
                        Path.of(required(options, "install")), layout.realmFile(),
                        Integer.parseInt(required(options, "port")), KeycloakServer.Storage.PERSISTENT, password,
                        Path.of(required(options, "log")));
                System.out.println("READY keycloak " + server.issuer());
                service = server;
            }
            default -> {
                usage("unknown command " + args[0]);
                return;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
                System.out.println("STOPPED " + args[0]);
            } catch (Exception e) {
                System.err.println("Stopping " + args[0] + " failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage("missing --" + name);
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("devstack: " + problem);
        System.err.println("usage: devstack postgres --data DIR --port N | keycloak --install DIR --port N --log FILE"
                + " | keycloak-export|keycloak-import --install DIR --file FILE --log FILE | keycloak-version");
        System.exit(2);
    }
}
