package org.gongjian.reporting.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;

/** How the reader turns Excel's cell values into what the import sees. */
class XlsxReaderTests {

    @Test
    void a_date_cell_gives_the_same_day_as_apache_poi_for_every_day_from_1900_to_2100() {
        for (int serial = 1; serial <= 73_415; serial++) {
            XlsxReader.Cell cell = new XlsxReader.Cell(XlsxReader.Cell.Kind.DATE, String.valueOf(serial));
            assertThat(cell.date()).as("serial %d", serial).isEqualTo(DateUtil.getLocalDateTime(serial).toLocalDate());
        }
        XlsxReader.Cell noon = new XlsxReader.Cell(XlsxReader.Cell.Kind.DATE, "45000.5");
        assertThat(noon.date()).hasToString("2023-03-15");
        assertThat(noon.text()).isEqualTo("2023-03-15");
    }

    @Test
    void a_number_cell_shows_its_plain_digits() {
        assertThat(new XlsxReader.Cell(XlsxReader.Cell.Kind.NUMBER, "6.8E9").text())
                .isEqualTo("6800000000");
        assertThat(new XlsxReader.Cell(XlsxReader.Cell.Kind.NUMBER, "12.50").text()).isEqualTo("12.5");
        assertThat(new XlsxReader.Cell(XlsxReader.Cell.Kind.TEXT, " ").blank()).isTrue();
        XlsxReader.Cell damaged = new XlsxReader.Cell(XlsxReader.Cell.Kind.NUMBER, "1,5");
        assertThat(damaged.number()).as("digits that are not a number, in a damaged file").isNull();
        assertThat(damaged.text()).isEqualTo("1,5");
    }
}
