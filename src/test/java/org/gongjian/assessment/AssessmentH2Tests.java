package org.gongjian.assessment;

/** Rankings on the embedded H2 database. */
@AssessmentTest
class AssessmentH2Tests extends AssessmentContract {
}
