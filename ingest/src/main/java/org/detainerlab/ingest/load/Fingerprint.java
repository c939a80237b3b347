package org.detainerlab.ingest.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A file's SHA-256, computed on its own thread while the load reads the file, so that fingerprinting a large
 * release costs no time of its own.
 */
final class Fingerprint {

    private final Path file;
    private final CompletableFuture<String> sha256;

    private Fingerprint(Path file) {
        this.file = file;
        CompletableFuture<String> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(sha256(file));
            } catch (IOException | RuntimeException e) {
                future.completeExceptionally(e);
            }
        }, "sha256-" + file.getFileName());
        thread.setDaemon(true);
        thread.start();
        this.sha256 = future;
    }

    static Fingerprint start(Path file) {
        return new Fingerprint(file);
    }

    boolean isDone() {
        return sha256.isDone();
    }

    /** The SHA-256 as 64 lower-case hex digits, waiting for it if need be. */
    String value() throws IngestException {
        try {
            return sha256.join();
        } catch (CompletionException e) {
            throw new IngestException(file.getFileName() + ": cannot be read: " + e.getCause().getMessage(), e.getCause());
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
