package org.gongjian.reporting.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The CJK font that server-side PDFs and charts are set in: WenQuanYi Micro Hei (文泉驿微米黑), TrueType,
 * shipped in the application (Apache-2.0; see fonts/wqy-microhei.LICENSE.txt), so that a machine with only
 * Java needs no system font. PDFs embed a subset of it.
 */
@Component
public class Fonts {

    public static final String FAMILY = "WenQuanYi Micro Hei";
    private static final String RESOURCE = "fonts/wqy-microhei.ttc";

    private volatile File file;
    private volatile Font awt;

    /** The font collection as a file, which the PDF renderer needs for a .ttc; copied out once. */
    public File file() {
        File f = file;
        if (f == null) {
            synchronized (this) {
                if (file == null) {
                    file = copyOut();
                }
                f = file;
            }
        }
        return f;
    }

    /** The regular face for Java 2D (charts), at 1 pt; derive the size you need. */
    public Font awt() {
        Font f = awt;
        if (f == null) {
            synchronized (this) {
                if (awt == null) {
                    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
                        awt = Font.createFonts(in)[0];
                    } catch (IOException | FontFormatException e) {
                        throw new IllegalStateException("Cannot load " + RESOURCE, e);
                    }
                }
                f = awt;
            }
        }
        return f;
    }

    private static File copyOut() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            File target = Files.createTempFile("gongjian-wqy-microhei", ".ttc").toFile();
            target.deleteOnExit();
            Files.copy(in, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the CJK font out of the application", e);
        }
    }
}
