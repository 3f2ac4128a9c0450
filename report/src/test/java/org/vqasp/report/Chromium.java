package org.vqasp.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, as a person's browser for the report tests: installed with apt-get when missing and
 * the tests run as root (as CI does); otherwise the tests that need it are skipped with the command to run.
 */
final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static Boolean available;

    private Chromium() {
    }

    /** Makes sure Chromium is there, installing it as root; skips the calling test when it cannot be had. */
    static synchronized void require() throws IOException, InterruptedException {
        if (available == null) {
            available = Files.isExecutable(BINARY) || install();
        }
        Assumptions.assumeTrue(available, "Chromium is not installed and cannot be installed here (not root, or "
                + "apt-get failed): run as root apt-get install -y chromium");
    }

    /** Loads a page offline and returns the DOM after its load event. */
    static String dumpDom(Path html) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", html.toUri().toString()), 120);
    }

    /** Loads a page offline and writes a screenshot of the given size. */
    static void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                html.toUri().toString()), 120);
    }

    /**
     * Runs Chromium headless with the flags this closed network needs (no background networking, no component
     * updates, no sync, a new empty profile).
     */
    private static String run(List<String> args, int seconds) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path out = Files.createTempFile("chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in " + seconds + " s: " + cmd);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return text;
    }

    private static boolean install() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        id.waitFor();
        if (!"0".equals(uid) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return false;
        }
        for (List<String> step : List.of(List.of("apt-get", "install", "-y", "-q", "chromium"),
                List.of("apt-get", "update", "-q"), List.of("apt-get", "install", "-y", "-q", "chromium"))) {
            ProcessBuilder pb = new ProcessBuilder(step).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            if (p.waitFor(15, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.isExecutable(BINARY)) {
                return true;
            }
        }
        return Files.isExecutable(BINARY);
    }
}
