package org.gongjian.volunteers.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import org.gongjian.volunteers.IdNumbers;
import org.gongjian.volunteers.Stars;
import org.gongjian.volunteers.Volunteer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The service-record certificate (志愿服务记录证明) as a PDF: openhtmltopdf with the bundled CJK font
 * (WenQuanYi Micro Hei, as the reports use), the serial number, and a QR code to the public verification page.
 */
@Component
class Certificates {

    private static final String FAMILY = "WenQuanYi Micro Hei";
    private volatile File font;

    byte[] pdf(Stars.Certificate c, Volunteer v, String verifyUrl) {
        String qr = Base64.getEncoder().encodeToString(QrImages.png(verifyUrl, 240));
        String html = """
                <html><head><style>
                @page { size: A4; margin: 25mm 22mm; }
                body { font-family: '%1$s'; font-size: 12pt; color: #222; }
                h1 { text-align: center; font-size: 22pt; letter-spacing: 4pt; margin-bottom: 4mm; }
                .serial { text-align: right; font-size: 10pt; color: #555; }
                p { line-height: 1.9; text-indent: 2em; }
                table { width: 100%%; border-collapse: collapse; margin: 6mm 0; }
                td { border: 1px solid #888; padding: 2mm 3mm; }
                td.k { width: 35%%; background: #f3f3f3; }
                .qr { float: right; text-align: center; font-size: 9pt; color: #555; }
                .sign { margin-top: 14mm; text-align: right; }
                </style></head><body>
                <div class="serial">编号：%2$s</div>
                <h1>志愿服务记录证明</h1>
                <p>兹证明 %3$s（身份证号 %4$s）在开平市“百队千长万人行”志愿服务中，截至 %5$s 累计有效志愿服务时长 %6$s 小时。</p>
                <table>
                <tr><td class="k">姓名</td><td>%3$s</td></tr>
                <tr><td class="k">所在镇街</td><td>%7$s</td></tr>
                <tr><td class="k">累计有效服务时长</td><td>%6$s 小时</td></tr>
                <tr><td class="k">开具日期</td><td>%5$s</td></tr>
                </table>
                <div class="qr"><img src="data:image/png;base64,%8$s" style="width:35mm;height:35mm"/><br/>扫码核验</div>
                <p>本证明依据《志愿服务记录与证明出具办法（试行）》（民政部令第67号）出具，时长以志愿服务台账中有效记录为准。扫描二维码可核验本证明（仅显示隐去部分姓名、时长和开具日期）。</p>
                <div class="sign">开平市志愿服务台账<br/>%5$s</div>
                </body></html>""".formatted(FAMILY, esc(c.serialNo()), esc(v.name()), esc(v.idMasked()), c.issuedOn(),
                c.hours().stripTrailingZeros().toPlainString(), esc(v.town()), qr);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font(), FAMILY, 400, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }

    private File font() {
        File f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    try (InputStream in = new ClassPathResource("fonts/wqy-microhei.ttc").getInputStream()) {
                        File target = Files.createTempFile("gongjian-volunteers-font", ".ttc").toFile();
                        target.deleteOnExit();
                        Files.copy(in, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
                        font = target;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                f = font;
            }
        }
        return f;
    }

    static String masked(String name) {
        return IdNumbers.maskName(name);
    }
}
