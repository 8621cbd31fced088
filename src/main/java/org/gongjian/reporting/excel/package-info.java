/**
 * Excel pieces other modules may reuse: the streaming reader with the import limits and refusals, the writer,
 * and the import settings.
 */
@NamedInterface("excel")
@NullMarked
package org.gongjian.reporting.excel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
