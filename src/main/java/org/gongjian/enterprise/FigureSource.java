package org.gongjian.enterprise;

/** Where an enterprise's figure came from. */
public enum FigureSource {
    /** Typed in on the register's page or sent through the API. */
    MANUAL,
    /** Imported from the statistics bureau's spreadsheet. */
    IMPORT,
    /** Generated for the demo. */
    DEMO
}
