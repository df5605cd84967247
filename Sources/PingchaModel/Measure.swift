/// The statistics a rule's outcome can feed (`measures:` in a rubric). The annual statistics
/// read these outcomes and never restate a rule in code, so that editing a rubric moves the
/// statistics with the review. Names are documented in rubrics/README.md.
///
/// A rule's outcome counts as: `pass` met (on time), `fail` not met (late), `unknown`
/// undetermined, `not_applicable` outside the figure.
public enum Measure: String, CaseIterable, Sendable {
    /// 公示: the decision was published.
    case publicity
    /// 全过程记录: the steps that must be recorded on audio-video were.
    case recording
    /// 法制审核: a decision that needed legal review had it.
    case legalReview = "legal_review"
    /// 按期作出决定: decided within the statutory period.
    case decisionOnTime = "decision_on_time"
    /// 按期送达: served within the statutory period.
    case serviceOnTime = "service_on_time"
    /// 按期公示: published within the period.
    case publicationOnTime = "publication_on_time"
}

/// The outcomes of the three systems' measures (三项制度: 公示, 全过程记录, 法制审核) for one case;
/// nil where none applies. Three fields, not a dictionary: the report reads them for every case.
public struct ThreeSystemOutcomes: Sendable, Equatable {
    public var publicity: Outcome?
    public var recording: Outcome?
    public var legalReview: Outcome?

    public init(publicity: Outcome? = nil, recording: Outcome? = nil, legalReview: Outcome? = nil) {
        self.publicity = publicity
        self.recording = recording
        self.legalReview = legalReview
    }
}
