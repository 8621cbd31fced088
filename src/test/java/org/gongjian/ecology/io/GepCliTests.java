package org.gongjian.ecology.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line evaluates a request file without the server. */
class GepCliTests {

    private static final Path EXAMPLE = Path.of("src/test/resources/ecology/example-request.json");

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GepCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_request_file_is_evaluated_to_the_same_json_the_api_answers() {
        Run r = run(EXAMPLE.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"code\" : \"WATER_REGULATION\"", "\"name\" : \"调节水量\"",
                "\"total\" : 6528954.323415", "1 个小班的地表径流按径流系数推算（首个：CS-001）");
        assertThat(r.err()).contains("2 stands, GEP 6528954.323415 yuan");
    }

    @Test
    void a_demo_account_file_and_the_workbook_option_work_too(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("tables.xlsx");
        Path json = dir.resolve("result.json");
        Run r = run("src/main/resources/seed/ecology/jinji-2023.json", "--out", json.toString(), "--xlsx", xlsx.toString(),
                "--lang", "en");
        assertThat(r.code()).isZero();
        assertThat(Files.readString(json)).contains("\"standCount\" : 35", "stands of 竹林 are not counted by the stock method");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("价值量表").getRow(0).getCell(0).getStringCellValue()).contains("金鸡镇");
        }
    }

    @Test
    void an_invalid_request_prints_every_problem_and_exits_with_2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(EXAMPLE).replace("\"area\": 12.5", "\"area\": -12.5"));
        Run r = run(bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("stands[0].area: 面积不能为负数");
        assertThat(run().code()).isEqualTo(1);
        assertThat(run(dir.resolve("missing.json").toString()).code()).isEqualTo(1);
    }
}
