package org.gongjian.ecology.raster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code src/test/benchmarks/raster/gep_numpy.py} on a folder of raw arrays and reads its answer. */
final class NumpyKernel {

    static final Path SCRIPT = Path.of("src/test/benchmarks/raster/gep_numpy.py");

    /** One ET mode's best time and sums (field-major: sums[field][group]). */
    record Mode(double seconds, double[][] sums) {
    }

    record Run(String version, Mode actualEt, Mode budyko) {
    }

    private NumpyKernel() {
    }

    /** Null when python3 or numpy is missing, with the reason in {@code why[0]}. */
    static String missing() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "python3 cannot import numpy (Debian package python3-numpy): " + out.strip();
            }
            return null;
        } catch (IOException e) {
            return "python3 is not installed (Debian package python3-numpy)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static Run run(Path folder, int repeats) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", SCRIPT.toString(), folder.toString(), Integer.toString(repeats))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("gep_numpy.py failed: " + out);
        }
        JsonNode root = JsonMapper.builder().build().readTree(out);
        return new Run(root.get("numpy").asString(), mode(root.get("actualEt")), mode(root.get("budyko")));
    }

    private static Mode mode(JsonNode node) {
        JsonNode fields = node.get("sums");
        double[][] sums = new double[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            JsonNode g = fields.get(f);
            sums[f] = new double[g.size()];
            for (int i = 0; i < g.size(); i++) {
                sums[f][i] = g.get(i).asDouble();
            }
        }
        return new Mode(node.get("seconds").asDouble(), sums);
    }
}
