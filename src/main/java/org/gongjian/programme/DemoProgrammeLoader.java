package org.gongjian.programme;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo programme (Kaiping 2024) on the first start of an empty database, and only then:
 * a row in {@code programme_seed} remembers it, so that a programme the office deletes stays deleted.
 * With two instances starting at once, the row's key lets one of them load it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoProgrammeLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProgrammeLoader.class);

    private final ProgrammeExchange exchange;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ResourceLoader resources;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final String location;

    DemoProgrammeLoader(ProgrammeExchange exchange, JdbcClient jdbc, JsonMapper json, ResourceLoader resources,
            TransactionTemplate tx, Clock clock, @Value("${gongjian.demo.enabled:true}") boolean enabled,
            @Value("${gongjian.demo.document:classpath:seed/kaiping-2024.json}") String location) {
        this.exchange = exchange;
        this.jdbc = jdbc;
        this.json = json;
        this.resources = resources;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
        this.location = location;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        ProgrammeDocument doc;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            doc = json.readValue(in, ProgrammeDocument.class);
        }
        String code = doc.programme().code();
        boolean loaded = Boolean.TRUE.equals(tx.execute(status -> {
            boolean seededBefore = jdbc.sql("select count(*) from programme_seed").query(Long.class).single() > 0;
            boolean hasProgrammes = jdbc.sql("select count(*) from programme").query(Long.class).single() > 0;
            if (seededBefore || hasProgrammes) {
                return false;
            }
            try {
                jdbc.sql("insert into programme_seed (code, loaded_at) values (:code, :at)")
                        .param("code", code).param("at", Timestamp.from(Instant.now(clock))).update();
            } catch (DuplicateKeyException raced) {
                return false;
            }
            exchange.importDocument(doc);
            return true;
        }));
        if (loaded) {
            log.info("First start: demo programme {} loaded from {}", code, location);
        }
    }
}
