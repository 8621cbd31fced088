/**
 * Excel reading and writing, shared with the ledgers' own imports and exports: the streaming, limited
 * reader ({@link org.gongjian.reporting.excel.XlsxReader}), the writer, the import limits and refusals.
 */
@NamedInterface("excel")
@NullMarked
package org.gongjian.reporting.excel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
