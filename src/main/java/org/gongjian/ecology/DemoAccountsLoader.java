package org.gongjian.ecology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.gongjian.ecology.engine.GepRequest;
import org.gongjian.ecology.raster.DemoRasters;
import org.gongjian.ecology.raster.RasterAccounting;
import org.gongjian.ecology.raster.RasterRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo accounts of 赤水镇 and 金鸡镇 once, on the first start after the demo programme, and
 * publishes them as of the date the article gives for the reports, so that the targets bound to the
 * ecology indicators get their measurements; then stores the demo raster account of both towns (a draft).
 * Their inputs are plausible, not real: the real reports and layers are not public, and the accounts say so.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoAccountsLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsLoader.class);
    static final String[] FILES = {"classpath:seed/ecology/chishui-2023.json", "classpath:seed/ecology/jinji-2023.json"};

    /** A demo account file. */
    record DemoAccount(String code, String name, String note, LocalDate publishedOn, GepRequest request) {
    }

    /** The demo raster account of 赤水镇 and 金鸡镇 (generated layers, {@link DemoRasters}). */
    static final String RASTER_DEMO = "chishui-jinji-2023-raster";

    private final GepAccounts accounts;
    private final RasterAccounts rasterAccounts;
    private final JsonMapper json;
    private final ResourceLoader resources;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoAccountsLoader(GepAccounts accounts, RasterAccounts rasterAccounts, JsonMapper json, ResourceLoader resources,
            TransactionTemplate tx, @Value("${gongjian.demo.enabled:true}") boolean enabled) {
        this.accounts = accounts;
        this.rasterAccounts = rasterAccounts;
        this.json = json;
        this.resources = resources;
        this.tx = tx;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        for (String file : FILES) {
            DemoAccount demo;
            try (InputStream in = resources.getResource(file).getInputStream()) {
                demo = json.readValue(in, DemoAccount.class);
            }
            Boolean loaded = tx.execute(status -> {
                if (accounts.seeded(demo.code())) {
                    return false;
                }
                try {
                    accounts.markSeeded(demo.code());
                } catch (DuplicateKeyException raced) {
                    return false;
                }
                accounts.create(demo.code(), demo.name(), demo.note(), demo.request(), true);
                accounts.publish(demo.code(), 1, demo.publishedOn());
                return true;
            });
            if (Boolean.TRUE.equals(loaded)) {
                log.info("First start: demo GEP account {} loaded and published", demo.code());
            }
        }
        loadRasterDemo();
    }

    /**
     * The demo raster account, kept as a draft: it is not published, so that it does not replace the stand
     * accounts' figures of the same towns on the targets.
     */
    private void loadRasterDemo() throws IOException {
        if (accounts.seeded(RASTER_DEMO)) {
            return;
        }
        Path folder = Files.createTempDirectory("gongjian-raster-demo-");
        try {
            RasterRequest request = DemoRasters.write(folder);
            Boolean loaded = tx.execute(status -> {
                if (accounts.seeded(RASTER_DEMO)) {
                    return false;
                }
                try {
                    accounts.markSeeded(RASTER_DEMO);
                } catch (DuplicateKeyException raced) {
                    return false;
                }
                rasterAccounts.create(RASTER_DEMO, "赤水镇、金鸡镇2023年度森林GEP栅格核算（演示）",
                        "演示图层：160×100个30米像元，按固定种子生成，并非两镇的真实图层（真实图层未公开）", request,
                        RasterAccounting.layersIn(folder), true);
                return true;
            });
            if (Boolean.TRUE.equals(loaded)) {
                log.info("First start: demo raster GEP account {} stored with its value maps", RASTER_DEMO);
            }
        } finally {
            RasterAccounting.deleteFolder(folder);
        }
    }
}
