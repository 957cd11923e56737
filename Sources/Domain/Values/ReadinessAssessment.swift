/// How far a section of the Readiness to Operate Statement is assured.
public enum ReadinessAssessment: String, PayloadEnumeration {
    case assured
    case partiallyAssured = "partially-assured"
    case notAssured = "not-assured"
}
