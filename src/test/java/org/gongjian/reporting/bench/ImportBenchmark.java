package org.gongjian.reporting.bench;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.gongjian.reporting.excel.ImportResult;
import org.gongjian.reporting.excel.MeasurementImport;
import org.gongjian.reporting.excel.XlsxWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Importing 100,000 measurement rows from .xlsx, against the floor: Apache POI alone stream-reading the
 * same file (XSSFReader and its SAX sheet handler, doing nothing with the cells). The import runs the whole
 * path: streaming read, per-row checks, the programme's checks and data scope, JDBC batch insert, audit.
 * Each import is one transaction into the embedded H2 database of the test profile.
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
    static final List<String> TARGETS = List.of("hydrogen.investment", "hydrogen.area", "food.scale", "volunteers.teams",
            "volunteers.captains", "volunteers.registered", "lowalt.parks", "finance.pairs");

    private ConfigurableApplicationContext context;
    private MeasurementImport importer;
    private Path file;

    @Setup
    public void setUp() throws Exception {
        file = Files.createTempFile("bench-100k", ".xlsx");
        try (XlsxWriter x = new XlsxWriter()) {
            var sheet = x.sheet("进展数据", "进展数据", List.of("序号", "指标编码", "指标名称", "计量单位", "数值", "截至日期", "备注"),
                    new int[] {7, 24, 30, 8, 16, 12, 30});
            LocalDate first = LocalDate.of(2024, 12, 5);
            for (int i = 0; i < ROWS; i++) {
                x.row(sheet, i + 2, List.of(i + 1, TARGETS.get(i % TARGETS.size()), "指标", "", BigDecimal.valueOf(i % 997 + 0.5),
                        first.plusDays(i % 20), "第" + (i + 1) + "行"));
            }
            Files.write(file, x.bytes());
        }
        context = new SpringApplicationBuilder(GongjianApplication.class).profiles("test")
                .properties("logging.level.root=WARN", "spring.main.banner-mode=off").run();
        importer = context.getBean(MeasurementImport.class);
        var admin = context.getBean(UserDetailsService.class).loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
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
    public ImportResult importMeasurements() {
        ImportResult result = importer.run("kaiping-2024", file, "bench.xlsx");
        if (!result.ok() || result.written() != ROWS) {
            throw new IllegalStateException("import failed: " + result.errors().stream().limit(3).toList());
        }
        return result;
    }
}
