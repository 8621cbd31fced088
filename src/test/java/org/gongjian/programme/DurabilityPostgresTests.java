package org.gongjian.programme;

import java.nio.file.Path;
import java.util.List;
import org.gongjian.support.TestPostgres;

/** PostgreSQL (TEST_PG_URL, or an embedded server that outlives the killed application). */
class DurabilityPostgresTests extends DurabilityContract {

    private TestPostgres.Database db;

    @Override
    List<String> database(Path workDir) {
        if (db == null) {
            db = TestPostgres.newDatabase();
        }
        return List.of("--gongjian.data-dir=" + workDir.resolve("data"), "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password());
    }
}
