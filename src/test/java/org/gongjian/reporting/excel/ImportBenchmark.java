package org.gongjian.reporting.excel;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.gongjian.GongjianApplication;
import org.gongjian.support.TestPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Importing 100,000 measurement rows from .xlsx, against the floor: Apache POI alone stream-reading the
 * same file (XSSFReader and its SAX sheet handler, every cell formatted to text as POI shows it).
 * {@code importMeasurements} runs the whole path: streaming read, per-row checks, the programme's checks and
 * data scope, JDBC batch insert, audit, in one transaction. {@code readAndCheck} is its first half (the
 * file read and every row checked, nothing written), to show where the time goes. The database is the
 * embedded H2 of the test profile, or PostgreSQL (TEST_PG_URL, else an embedded one); the rows an iteration
 * wrote are deleted after it, so that every iteration imports into the same database.
 * Run: see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Duser.timezone=Asia/Shanghai"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ImportBenchmark {

    static final int ROWS = 100_000;
    static final String FILE_NAME = "bench.xlsx";
    static final List<String> TARGETS = List.of("hydrogen.investment", "hydrogen.area", "food.scale", "volunteers.teams",
            "volunteers.captains", "volunteers.registered", "lowalt.parks", "finance.pairs");

    @Param({"h2", "postgresql"})
    public String database;

    private ConfigurableApplicationContext context;
    private MeasurementImport importer;
    private JdbcTemplate jdbc;
    private Path file;

    @Setup
    public void setUp() throws Exception {
        file = Files.createTempFile("bench-100k", ".xlsx");
        try (XlsxWriter x = new XlsxWriter()) {
            // the values jump by design: every row confirms its figure, so that the plausibility check runs and passes
            var sheet = x.sheet("进展数据", "进展数据", List.of("序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期", "备注",
                    "确认无误", "原因"), new int[] {7, 24, 30, 8, 16, 12, 30, 8, 20});
            LocalDate first = LocalDate.of(2024, 12, 5);
            for (int i = 0; i < ROWS; i++) {
                x.row(sheet, i + 2, List.of(i + 1, TARGETS.get(i % TARGETS.size()), "指标", "", BigDecimal.valueOf(i % 997 + 0.5),
                        first.plusDays(i % 20), "第" + (i + 1) + "行", "是", "基准测试数据"));
            }
            Files.write(file, x.bytes());
        }
        List<String> properties = new ArrayList<>(List.of("logging.level.root=WARN", "spring.main.banner-mode=off",
                "server.port=0"));
        if ("postgresql".equals(database)) {
            TestPostgres.Database db = TestPostgres.newDatabase();
            properties.addAll(List.of("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                    "spring.datasource.password=" + db.password()));
        }
        context = new SpringApplicationBuilder(GongjianApplication.class).profiles("test")
                .properties(properties.toArray(String[]::new)).run();
        importer = context.getBean(MeasurementImport.class);
        jdbc = context.getBean(JdbcTemplate.class);
        var admin = context.getBean(UserDetailsService.class).loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    }

    /** Every iteration imports into the same database: the demo programme without earlier iterations' rows. */
    @TearDown(Level.Iteration)
    public void removeImportedRows() {
        jdbc.update("delete from programme_figure_day where target_id in (select target_id from programme_measurement"
                + " where source_ref = ?)", FILE_NAME);
        jdbc.update("delete from programme_measurement where source_ref = ?", FILE_NAME);
        jdbc.execute((java.sql.Connection c) -> {
            org.gongjian.programme.FigureDays.rebuild(c);
            return null;
        });
    }

    @TearDown
    public void tearDown() throws Exception {
        context.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public void poiStreamReadFloor(Blackhole hole) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                            new XSSFSheetXMLHandler.SheetContentsHandler() {
                                @Override
                                public void startRow(int rowNum) { }

                                @Override
                                public void endRow(int rowNum) { }

                                @Override
                                public void cell(String ref, String value, XSSFComment comment) {
                                    hole.consume(value);
                                }
                            }, new DataFormatter(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        }
    }

    @Benchmark
    public MeasurementImport.Reading readAndCheck() {
        MeasurementImport.Reading reading = importer.read("kaiping-2024", file, FILE_NAME);
        if (!reading.sheets().problems().isEmpty() || reading.batch().rows().size() != ROWS) {
            throw new IllegalStateException("read failed: " + reading.sheets().problems().values().stream().limit(3).toList());
        }
        return reading;
    }

    @Benchmark
    public ImportResult importMeasurements() {
        ImportResult result = importer.run("kaiping-2024", file, FILE_NAME);
        if (!result.ok() || result.written() != ROWS) {
            throw new IllegalStateException("import failed: " + result.errors().stream().limit(3).toList());
        }
        return result;
    }
}
