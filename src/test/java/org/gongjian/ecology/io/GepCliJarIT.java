package org.gongjian.ecology.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The exact command of the README, run on the packaged jar (after {@code package}, by Failsafe). */
class GepCliJarIT {

    @Test
    void the_packaged_jar_evaluates_a_request_file_without_starting_the_server() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("gongjian-.*\\.jar")).findFirst().orElseThrow();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", jar.toString(),
                "-Dloader.main=org.gongjian.ecology.io.GepCli", "org.springframework.boot.loader.launch.PropertiesLauncher",
                "src/test/resources/ecology/example-request.json"))
                .redirectError(new File("target/gep-cli-it.err")).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(Path.of("target/gep-cli-it.err"))).isZero();
        assertThat(out).contains("\"code\" : \"WATER_REGULATION\"", "\"total\" : 6528954.323415");
        assertThat(out).doesNotContain("Started GongjianApplication");
    }

    @Test
    void the_packaged_jar_accounts_a_folder_of_geotiff_layers_and_writes_the_maps() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("gongjian-.*\\.jar")).findFirst().orElseThrow();
        }
        Path folder = Path.of("target/gep-cli-it-raster");
        org.gongjian.ecology.raster.TestRasters.exampleFolder(folder);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", jar.toString(),
                "-Dloader.main=org.gongjian.ecology.io.GepCli", "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--raster", folder.toString(), "--maps", folder.resolve("maps").toString()))
                .redirectError(new File("target/gep-cli-it-raster.err")).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(Path.of("target/gep-cli-it-raster.err"))).isZero();
        assertThat(out).contains("\"forestPixels\" : 1200", "\"code\" : \"SOIL_FIXATION\"");
        assertThat(folder.resolve("maps/value-TOTAL.tif")).exists();
        assertThat(folder.resolve("maps/preview.png")).exists();
    }
}
