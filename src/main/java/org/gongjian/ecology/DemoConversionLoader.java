package org.gongjian.ecology;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first batch of GEP conversion projects on the first start (after the demo accounts): the two
 * projects the article names, started on 2024-08-23 in 赤水镇 and 金鸡镇 with about 7.3亿元 together,
 * marked as demo, each with a 2024 report whose benefits are generated from a fixed seed (the real
 * figures are not public). Their 2024 reports feed {@code ecology.farmer-income}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 21)
class DemoConversionLoader implements ApplicationRunner {

    static final String CHISHUI = "2024-440783-05-03-823001";
    static final String JINJI = "2024-440783-05-03-823002";
    private static final LocalDate STARTED = LocalDate.of(2024, 8, 23);
    private static final Logger log = LoggerFactory.getLogger(DemoConversionLoader.class);

    private final ConversionProjects projects;
    private final GepAccounts accounts;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoConversionLoader(ConversionProjects projects, GepAccounts accounts, TransactionTemplate tx,
            @Value("${gongjian.demo.enabled:true}") boolean enabled) {
        this.projects = projects;
        this.accounts = accounts;
        this.tx = tx;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Boolean loaded = tx.execute(status -> {
            if (accounts.seeded("conversion-first-batch") || projects.any()) {
                return false;
            }
            accounts.markSeeded("conversion-first-batch");
            Random r = new Random(20241205L);
            load(r, CHISHUI, "赤水镇森林GEP转化绿色生态百千万项目（演示）", "chishui", "410000000", "chishui-2023-gep");
            load(r, JINJI, "金鸡镇森林GEP转化绿色生态百千万项目（演示）", "jinji", "320000000", "jinji-2023-gep");
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("First start: demo GEP conversion projects {} and {} loaded", CHISHUI, JINJI);
        }
    }

    private void load(Random r, String code, String name, String town, String investment, String account) {
        String gepAccount = accounts.find(account).isPresent() ? account : null;
        projects.register(new ConversionProjects.NewProject(code, name, town, STARTED, new BigDecimal(investment),
                gepAccount, yuan(8_000_000 + r.nextInt(4_000_000))), true);
        projects.report(code, new ConversionProject.Year(2024, yuan(1_500_000 + r.nextInt(1_500_000)),
                BigDecimal.valueOf(800 + r.nextInt(600)), yuan(2_000_000 + r.nextInt(2_000_000)),
                yuan(400_000 + r.nextInt(400_000)), 60 + r.nextInt(80), yuan(300_000 + r.nextInt(300_000)),
                LocalDate.of(2024, 12, 31)));
    }

    private static BigDecimal yuan(int v) {
        return BigDecimal.valueOf(v);
    }
}
