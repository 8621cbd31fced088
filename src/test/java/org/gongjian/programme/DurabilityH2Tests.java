package org.gongjian.programme;

import java.nio.file.Path;
import java.util.List;

/** The embedded default: an H2 file under the data directory, with the URL of application.properties. */
class DurabilityH2Tests extends DurabilityContract {

    @Override
    List<String> database(Path workDir) {
        return List.of("--gongjian.data-dir=" + workDir.resolve("data"));
    }
}
