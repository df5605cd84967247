/// The canonical case fields the generator fills, in the catalogue's order
/// (`rubrics/fields.yaml`); the raw value is the field id, never renamed.
public enum CaseColumn: String, CaseIterable, Sendable {
    case caseId = "case_id"
    case department
    case district
    case enforcementType = "enforcement_type"
    case procedure
    case cause
    case partyType = "party_type"
    case partyName = "party_name"
    case partyId = "party_id"
    case partyPhone = "party_phone"
    case subjectQualified = "subject_qualified"
    case entrusted
    case entrustmentFiled = "entrustment_filed"
    case officersCount = "officers_count"
    case officersCertified = "officers_certified"
    case credentialsShown = "credentials_shown"
    case violationDate = "violation_date"
    case discoveredDate = "discovered_date"
    case applicationDate = "application_date"
    case acceptedDate = "accepted_date"
    case filedDate = "filed_date"
    case noticeDate = "notice_date"
    case statementHeard = "statement_heard"
    case hearingNotified = "hearing_notified"
    case hearingRequested = "hearing_requested"
    case hearingRequestDate = "hearing_request_date"
    case hearingNoticeDate = "hearing_notice_date"
    case hearingDate = "hearing_date"
    case majorDecision = "major_decision"
    case legalReviewDone = "legal_review_done"
    case legalReviewDate = "legal_review_date"
    case collectiveDiscussion = "collective_discussion"
    case extensionApproved = "extension_approved"
    case decisionDate = "decision_date"
    case servedDate = "served_date"
    case serviceMethod = "service_method"
    case publicized
    case publicizedDate = "publicized_date"
    case paymentDate = "payment_date"
    case executedDate = "executed_date"
    case closedDate = "closed_date"
    case archivedDate = "archived_date"
    case legalBasis = "legal_basis"
    case penaltyBasis = "penalty_basis"
    case penaltyKinds = "penalty_kinds"
    case fineAmount = "fine_amount"
    case confiscatedAmount = "confiscated_amount"
    case discretionLevel = "discretion_level"
    case discretionBenchmarkCited = "discretion_benchmark_cited"
    case evidenceTypes = "evidence_types"
    case evidenceCount = "evidence_count"
    case avRequired = "av_required"
    case avRecorded = "av_recorded"
    case documentSealed = "document_sealed"
    case decisionEnforceable = "decision_enforceable"
    case documentsComplete = "documents_complete"
    case archiveComplete = "archive_complete"
    case coerciveMeasure = "coercive_measure"
    case coerciveStartDate = "coercive_start_date"
    case coerciveEndDate = "coercive_end_date"
    case inspectionPlanListed = "inspection_plan_listed"
    case reconsidered
    case reconsiderationResult = "reconsideration_result"
    case reconsiderationFiledDate = "reconsideration_filed_date"
    case reconsiderationClosedDate = "reconsideration_closed_date"
    case litigated
    case litigationResult = "litigation_result"
    case litigationFiledDate = "litigation_filed_date"
    case litigationClosedDate = "litigation_closed_date"
    case headAppeared = "head_appeared"
    case coerciveAction = "coercive_action"
    case enforcementMethod = "enforcement_method"
    case courtEnforcementApplied = "court_enforcement_applied"
    case licenceResult = "licence_result"
    case transferredToJudiciary = "transferred_to_judiciary"
    case penaltyExecution = "penalty_execution"

    /// The fields added for the annual statistics (issue 16). Their values come from a random
    /// stream of their own (``CaseRandom/Stream/annualFacts``) and their headers are drawn
    /// after every other choice of a layout, so that adding them changed no existing column
    /// or value of an export made with the same seed.
    var isAnnual: Bool {
        switch self {
        case .reconsiderationFiledDate, .reconsiderationClosedDate, .litigationFiledDate, .litigationClosedDate,
             .headAppeared, .coerciveAction, .enforcementMethod, .courtEnforcementApplied, .licenceResult,
             .transferredToJudiciary, .penaltyExecution:
            return true
        default:
            return false
        }
    }

    /// Required by ingestion: never omitted from an export, never blank in a good row.
    public var isRequired: Bool { self == .caseId || self == .department || self == .enforcementType }

    var isDate: Bool {
        switch self {
        case .violationDate, .discoveredDate, .applicationDate, .acceptedDate, .filedDate, .noticeDate,
             .hearingRequestDate, .hearingNoticeDate, .hearingDate, .legalReviewDate, .decisionDate,
             .servedDate, .publicizedDate, .paymentDate, .executedDate, .closedDate, .archivedDate,
             .coerciveStartDate, .coerciveEndDate, .reconsiderationFiledDate, .reconsiderationClosedDate,
             .litigationFiledDate, .litigationClosedDate:
            return true
        default:
            return false
        }
    }

    /// Columns some platforms do not export at all (a department's file may lack a few).
    static let omittable: [CaseColumn] = [
        .district, .partyPhone, .subjectQualified, .entrusted, .entrustmentFiled, .officersCertified,
        .credentialsShown, .hearingRequestDate, .hearingNoticeDate, .collectiveDiscussion, .executedDate,
        .discretionBenchmarkCited, .evidenceCount, .avRequired, .decisionEnforceable, .documentsComplete,
        .archiveComplete, .inspectionPlanListed, .legalBasis,
    ]

    /// Header units some exports put in brackets (`罚款金额（元）`).
    var unit: String? {
        switch self {
        case .fineAmount, .confiscatedAmount: return "元"
        case .officersCount: return "人"
        case .evidenceCount: return "份"
        default: return nil
        }
    }
}
