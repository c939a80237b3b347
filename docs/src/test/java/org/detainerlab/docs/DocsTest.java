package org.detainerlab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Keeps the documentation true: links resolve, the "where is what" table names real paths, commands agree. */
class DocsTest {

    static final Path ROOT = Path.of(System.getProperty("detainerlab.project.root", "..")).toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern TABLE_PATH = Pattern.compile("^\\|\\s*`([^`]+)`");

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")).forEach(files::add);
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).filter(p -> !files.contains(p))
                    .forEach(files::add);
        }
        files.add(ROOT.resolve("config/keycloak/README.md"));
        return files;
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            Matcher links = LINK.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (links.find()) {
                String target = links.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                Path resolved = file.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(file) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    @Test
    void whereIsWhatTableNamesRealPaths() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("## Where is what");
        assertThat(start).as("README has a 'Where is what' section").isNotNegative();
        List<String> missing = new ArrayList<>();
        int paths = 0;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher path = TABLE_PATH.matcher(line);
            if (path.find()) {
                paths++;
                if (!Files.exists(ROOT.resolve(path.group(1)))) {
                    missing.add(path.group(1));
                }
            }
        }
        assertThat(paths).isGreaterThan(10);
        assertThat(missing).as("paths in the README's table that do not exist").isEmpty();
    }

    @Test
    void readmeAndCiRunTheSameTestCommand() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertThat(readme).contains("./detainerlab run").contains("./mvnw verify");
        assertThat(ci).containsPattern("(?m)^\\./mvnw( -B)? verify$");
    }

    @Test
    void noMachineSpecificAbsolutePathsAreCommitted() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files").directory(ROOT.toFile()).start();
        List<String> tracked = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(git.waitFor()).isZero();
        Pattern machinePath = Pattern.compile("(?<![\\w.])/(work|root|home|Users)/[\\w.-]+");
        List<String> offenders = new ArrayList<>();
        for (String name : tracked) {
            Path file = ROOT.resolve(name);
            if (!Files.isRegularFile(file) || Files.size(file) > 1_000_000) {
                continue;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            Matcher m = machinePath.matcher(text);
            if (m.find()) {
                offenders.add(name + ": " + m.group());
            }
        }
        assertThat(offenders).isEmpty();
    }
}
