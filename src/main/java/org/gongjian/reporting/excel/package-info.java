/**
 * Excel reading and writing other modules reuse for their own imports and exports: the streaming reader
 * with its limits, the 台账-style writer, the import limits and the store of error workbooks.
 */
@NamedInterface("excel")
@NullMarked
package org.gongjian.reporting.excel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
