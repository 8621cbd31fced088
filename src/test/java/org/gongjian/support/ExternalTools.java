package org.gongjian.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs some tests need (pdftotext, pdftoppm, soffice). A test skips with a clear message when one is
 * missing, and fails instead when {@code GONGJIAN_REQUIRE_TOOLS=1} (CI installs them all).
 */
public final class ExternalTools {

    private ExternalTools() {
    }

    /** The program's path; skips or fails the test when it is not installed. */
    public static String require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        String message = program + " is not installed (Debian package " + debianPackage + "); "
                + "install it, or run .ci/run, to check this";
        if ("1".equals(System.getenv("GONGJIAN_REQUIRE_TOOLS"))) {
            Assertions.fail(message + " — GONGJIAN_REQUIRE_TOOLS=1 requires it");
        }
        Assumptions.abort(message);
        return program;
    }

    /** Runs a command in a directory, waits up to the timeout, and returns its standard output. */
    public static String run(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(done).as("%s finished within %d s", cmd, timeoutSeconds).isTrue();
        assertThat(process.exitValue()).as("exit code of %s; output: %s", cmd, text).isZero();
        return text;
    }
}
