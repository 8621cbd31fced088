package org.gongjian.programme;

/** Where a measurement came from: typed in by a unit, fed by a ledger, or imported from a file. */
public enum MeasurementSource { MANUAL, LEDGER, IMPORT }
