package org.gongjian;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the first start spends loading the IP centre's, the volunteers' and the industry ledger's demos (the
 * latter with its 3,046-firm cluster), as a command (not a test): the application on a new, empty H2 data
 * directory (the README's first start), with every demo on; it prints what the three loaders report (their own
 * timing, generating and publishing) and the whole start. Run as docs/performance.md says; {@code -Druns=3} starts it that many times, each on a new directory.
 */
public final class DemoLoadBenchmark {

    private DemoLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 1);
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("gongjian-demo-bench");
            ListAppender<ILoggingEvent> seen = new ListAppender<>();
            seen.start();
            long started = System.nanoTime();
            // attached once logging is set up (Spring Boot resets it while it starts), before the loaders run
            ConfigurableApplicationContext app = new SpringApplicationBuilder(GongjianApplication.class).listeners(event -> {
                if (event instanceof ApplicationPreparedEvent) {
                    for (String name : new String[] {"org.gongjian.ipcentre.DemoCentreLoader",
                            "org.gongjian.volunteers.DemoVolunteersLoader", "org.gongjian.industry.DemoIndustryLoader"}) {
                        ((Logger) LoggerFactory.getLogger(name)).addAppender(seen);
                    }
                }
            }).run(
                    "--server.port=0", "--server.address=127.0.0.1", "--gongjian.data-dir=" + dir,
                    "--gongjian.admin-password=bench-admin-secret", "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN", "--logging.level.org.gongjian.ipcentre.DemoCentreLoader=INFO",
                    "--logging.level.org.gongjian.volunteers.DemoVolunteersLoader=INFO",
                    "--logging.level.org.gongjian.industry.DemoIndustryLoader=INFO");
            long total = (System.nanoTime() - started) / 1_000_000;
            app.close();
            System.out.println("run " + run + ": whole first start " + total + " ms");
            seen.list.forEach(e -> System.out.println("  " + e.getFormattedMessage()));
        }
        System.exit(0);
    }
}
