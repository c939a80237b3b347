package org.detainerlab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The packaged application carries no realm file, demo password or other local secret. */
class PackagingTest {

    private static final Path APP = DocsTest.ROOT.resolve("api/target/quarkus-app");

    private static List<Path> projectJars() throws IOException {
        assertThat(APP.resolve("quarkus-run.jar")).as("the application is packaged before this module runs").exists();
        try (Stream<Path> files = Files.walk(APP)) {
            return files.filter(p -> p.getFileName().toString().matches("(detainerlab-.*|org\\.detainerlab\\..*)\\.jar"))
                    .toList();
        }
    }

    @Test
    void theApplicationIsMadeOfTheProjectModules() throws IOException {
        assertThat(projectJars()).extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.contains("detainerlab-core"))
                .anyMatch(n -> n.contains("detainerlab-ingest"))
                .anyMatch(n -> n.contains("detainerlab-web"))
                .noneMatch(n -> n.contains("detainerlab-devstack"));
    }

    @Test
    void noJarContainsTheRealmOrDemoCredentials() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path jar : projectJars()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().contains("realm") && entry.getName().endsWith(".json")) {
                        findings.add(jar.getFileName() + "!" + entry.getName());
                    }
                    if (entry.getName().endsWith(".properties") || entry.getName().endsWith(".json")) {
                        String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                        if (text.matches("(?s).*\"value\"\\s*:\\s*\"(alice|bob|carol|dave)\".*")
                                || text.matches("(?s).*password\\s*=\\s*[^$\\s].*")) {
                            findings.add(jar.getFileName() + "!" + entry.getName() + " holds a credential");
                        }
                    }
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    /** The local realm's team-management secret reaches the application only from the environment. */
    @Test
    void noJarHoldsTheTeamManagementSecret() throws IOException {
        Matcher secret = Pattern.compile("\"clientId\"\\s*:\\s*\"detainerlab-admin-api\"[^}]*?\"secret\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(Files.readString(DocsTest.ROOT.resolve("config/keycloak/detainerlab-realm.json")));
        assertThat(secret.find()).as("the local realm has the detainerlab-admin-api client with a secret").isTrue();
        byte[] needle = secret.group(1).getBytes(StandardCharsets.UTF_8);
        List<String> findings = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> files = Files.walk(APP)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).isNotEmpty();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && contains(file.getInputStream(entry).readAllBytes(), needle)) {
                        findings.add(jar.getFileName() + "!" + entry.getName());
                    }
                }
            }
        }
        assertThat(findings).as("jar entries holding the team-management secret").isEmpty();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
