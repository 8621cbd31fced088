package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class FileKindTests {

    @Test
    void a_file_is_known_by_its_content_not_its_name() throws Exception {
        assertThat(FileKind.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileKind.PDF);
        assertThat(FileKind.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})).contains(FileKind.PNG);
        assertThat(FileKind.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(FileKind.JPEG);
        assertThat(FileKind.sniff("GIF89a...".getBytes(StandardCharsets.US_ASCII))).contains(FileKind.GIF);
        assertThat(FileKind.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileKind.sniff("<!DOCTYPE html><p>%PDF-".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileKind.sniff("MZ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileKind.sniff(new byte[0])).isEmpty();
    }

    @Test
    void word_excel_and_ofd_are_zips_or_compound_files_holding_their_document() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("表");
            wb.write(out);
            assertThat(FileKind.sniff(out.toByteArray())).contains(FileKind.XLSX);
        }
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("情况说明");
            doc.write(out);
            assertThat(FileKind.sniff(out.toByteArray())).contains(FileKind.DOCX);
        }
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("表");
            wb.write(out);
            assertThat(FileKind.sniff(out.toByteArray())).contains(FileKind.XLS);
        }
        assertThat(FileKind.sniff(zip("OFD.xml", "Doc_0/Document.xml"))).contains(FileKind.OFD);
        assertThat(FileKind.sniff(zip("index.html"))).as("any other zip").isEmpty();
        assertThat(FileKind.sniff(new byte[] {'P', 'K', 3, 4, 1, 2, 3})).as("a broken zip").isEmpty();
        assertThat(FileKind.sniff(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1, 0, 0})).as("a broken compound file").isEmpty();
    }

    @Test
    void the_name_must_fit_the_content() {
        assertThat(FileKind.JPEG.fitsName("现场照片.JPG")).isTrue();
        assertThat(FileKind.JPEG.fitsName("现场照片.jpeg")).isTrue();
        assertThat(FileKind.PDF.fitsName("验收单.png")).isFalse();
        assertThat(FileKind.PDF.fitsName("验收单")).isFalse();
        assertThat(FileKind.XLSX.fitsName("台账.xlsx")).isTrue();
    }

    private static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
