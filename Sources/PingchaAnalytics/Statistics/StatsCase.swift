import Foundation
import PingchaModel

/// The facts of one case that the annual statistics (行政执法统计年报) count: who decided
/// what, when, with which penalties and amounts, how the case fared afterwards, and what
/// the review's rules said of the figures they measure.
///
/// Built from the case's normalised values keyed by field id (fields.md), so that the
/// statistics need neither the store nor the catalogue: the caller decodes the stored case
/// JSON into `[String: FieldValue]` and hands it over. A missing or ill-typed value is nil —
/// never a guess — and each figure says how it treats nil (usually: not in its denominator,
/// counted apart as 未注明 / 无法判断).
///
/// Timeliness and the three systems are not judged here: they are the outcomes of the rules
/// that declare them in their rubric (``measures``), so that the statistics say what the
/// review said and follow a rubric when it changes.
public struct StatsCase: Sendable, Hashable {
    /// 执法部门; nil when the value is missing or blank (counted under 未注明部门).
    public var department: String?
    /// 执法类别 (行政许可, 行政处罚, …), canonical enum text.
    public var enforcementType: String?
    /// 程序类型 (简易程序, 普通程序, 快速办理).
    public var procedure: String?
    /// 决定日期: decides which year's statistics the case belongs to.
    public var decisionDate: CivilDate?
    /// 处罚种类, canonical item texts; empty when missing.
    public var penaltyKinds: [String]
    /// 罚款金额, yuan.
    public var fineAmount: DecimalNumber?
    /// 没收金额, yuan (only quantified confiscations have one).
    public var confiscatedAmount: DecimalNumber?
    public var hearingRequested: Bool?
    public var hearingDate: CivilDate?
    public var reconsidered: Bool?
    public var reconsiderationResult: String?
    public var litigated: Bool?
    /// 诉讼结果; `维持` (the wording before the 2014 行政诉讼法, in batches stored before the
    /// catalogue read it as a synonym) is read as 驳回诉讼请求.
    public var litigationResult: String?
    /// 复议申请日期, 复议决定日期, 起诉日期, 判决日期: which year's 新收 and 审结 a challenge is in.
    public var reconsiderationFiledDate: CivilDate?
    public var reconsiderationClosedDate: CivilDate?
    public var litigationFiledDate: CivilDate?
    public var litigationClosedDate: CivilDate?
    /// 负责人出庭应诉.
    public var headAppeared: Bool?
    /// 立案日期, 结案日期 (行政处罚 立案/结案 in the year), 受理日期 (许可 受理).
    public var filedDate: CivilDate?
    public var closedDate: CivilDate?
    public var acceptedDate: CivilDate?
    /// 裁量档次 (不予处罚, 减轻 …), 移送司法机关, 处罚执行情况.
    public var discretionLevel: String?
    public var transferredToJudiciary: Bool?
    public var penaltyExecution: String?
    /// 强制类别, 强制措施种类, 强制执行方式, 申请法院强制执行.
    public var coerciveAction: String?
    public var coerciveMeasure: String?
    public var enforcementMethod: String?
    public var courtEnforcementApplied: Bool?
    /// 许可结果.
    public var licenceResult: String?
    /// 重大执法决定, 法制审核 (as recorded; the 法制审核率 is the rules' measure).
    public var majorDecision: Bool?
    public var legalReviewDone: Bool?
    /// The outcome of each measure (`measures:` of the rubric's rules, combined when several
    /// rules feed one: any failure fails it, then undecided, then passed). A measure no rule
    /// of the case's rubric feeds — or a case no rubric covers — has no entry: outside the
    /// figure, like `not_applicable`.
    public var measures: [Measure: Outcome]

    /// The field ids read here, for a caller that decodes only what it needs.
    public static let fieldIds: [String] = [
        "department", "enforcement_type", "procedure", "decision_date", "penalty_kinds", "fine_amount",
        "confiscated_amount", "hearing_requested", "hearing_date", "reconsidered", "reconsideration_result",
        "litigated", "litigation_result", "reconsideration_filed_date", "reconsideration_closed_date",
        "litigation_filed_date", "litigation_closed_date", "head_appeared", "filed_date", "closed_date",
        "accepted_date", "discretion_level", "transferred_to_judiciary", "penalty_execution", "coercive_action",
        "coercive_measure", "enforcement_method", "court_enforcement_applied", "licence_result", "major_decision",
        "legal_review_done",
    ]

    /// Reads the facts from normalised values, with the case's measure outcomes.
    ///
    /// Dates are also accepted as `YYYY-MM-DD` text and amounts as plain decimal text, the
    /// shapes they have in the stored case JSON, so that a caller decoding that JSON without
    /// the catalogue's types still gets them. Other mismatched types read as missing.
    public init(values: [String: FieldValue], measures: [Measure: Outcome]) {
        let v = ValueReader(values: values)
        department = v.text("department")
        enforcementType = v.text("enforcement_type")
        procedure = v.text("procedure")
        decisionDate = v.date("decision_date")
        penaltyKinds = v.list("penalty_kinds")
        fineAmount = v.number("fine_amount")
        confiscatedAmount = v.number("confiscated_amount")
        hearingRequested = v.bool("hearing_requested")
        hearingDate = v.date("hearing_date")
        reconsidered = v.bool("reconsidered")
        reconsiderationResult = v.text("reconsideration_result")
        litigated = v.bool("litigated")
        litigationResult = v.text("litigation_result").map { $0 == "维持" ? "驳回诉讼请求" : $0 }
        reconsiderationFiledDate = v.date("reconsideration_filed_date")
        reconsiderationClosedDate = v.date("reconsideration_closed_date")
        litigationFiledDate = v.date("litigation_filed_date")
        litigationClosedDate = v.date("litigation_closed_date")
        headAppeared = v.bool("head_appeared")
        filedDate = v.date("filed_date")
        closedDate = v.date("closed_date")
        acceptedDate = v.date("accepted_date")
        discretionLevel = v.text("discretion_level")
        transferredToJudiciary = v.bool("transferred_to_judiciary")
        penaltyExecution = v.text("penalty_execution")
        coerciveAction = v.text("coercive_action")
        coerciveMeasure = v.text("coercive_measure")
        enforcementMethod = v.text("enforcement_method")
        courtEnforcementApplied = v.bool("court_enforcement_applied")
        licenceResult = v.text("licence_result")
        majorDecision = v.bool("major_decision")
        legalReviewDone = v.bool("legal_review_done")
        self.measures = measures
    }

    /// A stored or ingested case with its catalogue, for callers that hold ``CaseRecord``s.
    public init(record: CaseRecord, catalogue: FieldCatalogue, measures: [Measure: Outcome]) {
        var values: [String: FieldValue] = [:]
        for id in Self.fieldIds {
            if let i = catalogue.index(of: id), i < record.values.count, let value = record.values[i] {
                values[id] = value
            }
        }
        self.init(values: values, measures: measures)
    }

    /// The case's challenge by `remedy`, nil when it was not challenged so.
    public func challenge(_ remedy: Remedy) -> RemedyCase? {
        switch remedy {
        case .reconsideration:
            guard wasReconsidered else { return nil }
            return RemedyCase(filed: reconsiderationFiledDate, closed: reconsiderationClosedDate, result: reconsiderationResult)
        case .litigation:
            guard wasLitigated else { return nil }
            return RemedyCase(filed: litigationFiledDate, closed: litigationClosedDate, result: litigationResult,
                              headAppeared: headAppeared)
        }
    }

    /// The three systems as the measures give them (``ThreeSystemsFacts/init(measures:)``).
    public var threeSystems: ThreeSystemsFacts { ThreeSystemsFacts(measures: measures) }
}

/// Typed, lenient look-ups in a value dictionary (see ``StatsCase/init(values:)``).
private struct ValueReader {
    let values: [String: FieldValue]

    /// Trimmed text; blank text is missing.
    func text(_ id: String) -> String? {
        guard case .text(let s)? = values[id] else { return nil }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    func bool(_ id: String) -> Bool? { values[id]?.bool }

    func date(_ id: String) -> CivilDate? {
        switch values[id] {
        case .date(let d)?: return d
        case .text(let s)?: return CivilDate(iso: s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    func number(_ id: String) -> DecimalNumber? {
        switch values[id] {
        case .number(let n)?: return n
        case .text(let s)?: return DecimalNumber(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// A list, or a single text as a one-item list; blank items dropped.
    func list(_ id: String) -> [String] {
        let items: [String]
        switch values[id] {
        case .list(let l)?: items = l
        case .text(let s)?: items = [s]
        default: items = []
        }
        return items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
