package org.detainerlab.api.testing;

import java.util.function.Supplier;

/**
 * Keeps one real server per test JVM. Quarkus may load test resources again in a new class loader when a test
 * profile changes, so the running server's address is remembered in a system property (JVM-wide) rather than
 * a static field, and the server is stopped by a shutdown hook when the JVM ends.
 */
final class SharedServer {

    private SharedServer() {
    }

    static synchronized String urlOf(String property, Supplier<String> start) {
        String running = System.getProperty(property);
        if (running != null) {
            return running;
        }
        String url = start.get();
        System.setProperty(property, url);
        return url;
    }

    static void stopAtExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Stopping a test server failed: " + e.getMessage());
            }
        }));
    }
}
