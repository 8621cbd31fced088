package org.gongjian.programme;

/** The programme document's round trip on H2. */
class RoundTripH2Tests extends RoundTripContract {
}
