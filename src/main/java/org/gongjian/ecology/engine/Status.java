package org.gongjian.ecology.engine;

/** How far a parameter value is backed: the marks of the method digest, plus values a request supplies. */
public enum Status {
    /** [V] verified in a public source. */
    V,
    /** [C] corroborated by recomputing a published case. */
    C,
    /** [R] recalled: a configurable default to be checked against the official text. */
    R,
    /** [S] supplied with the request (the client's own figure, with its source). */
    S
}
