import PingchaModel
import Yams
import PingchaCatalogue

/// What a bulletin says that no stored figure can: when and by whom the files were reviewed and
/// how, the good practices and typical cases the review group picked, the next steps, a contact.
/// The last section of `settings.yaml`; a value left empty prints nothing.
public struct BulletinContent: Sendable, Equatable {
    /// Whether every file was reviewed or a sample drawn. Only a sample makes a rate an
    /// estimate: a census's pass rate is exact, so it prints no confidence interval.
    public enum Method: String, Sendable, Equatable, CaseIterable {
        case census = "全部评查"
        case sample = "抽样评查"
    }

    /// A typical case (典型案例): a paragraph in the bureau's words, or a case of the batch the
    /// review group marked, printed with its facts and the note.
    public struct TypicalCase: Sendable, Equatable {
        /// The paragraph (for a written one), or the note on a marked case.
        public var text: String?
        public var department: String?
        public var caseId: String?
        /// Where the settings name it, for the error when the batch has no such case.
        public var location: SourceLocation

        public init(text: String? = nil, department: String? = nil, caseId: String? = nil, location: SourceLocation = SourceLocation(file: "")) {
            self.text = text
            self.department = department
            self.caseId = caseId
            self.location = location
        }

        /// A case of the batch, not a written paragraph.
        public var isMarkedCase: Bool { caseId != nil }
    }

    /// 评查时间, e.g. "2025年11月3日至28日".
    public var period: String?
    /// 评查组, e.g. "由市司法局牵头，从各行政执法主体抽调法制审核人员12名组成评查组".
    public var team: String?
    public var method: Method
    /// 评查方式 in order, e.g. 交叉评查、集体评议、复核.
    public var steps: [String]
    /// 好的做法, one paragraph each.
    public var goodPractices: [String]
    public var typicalCases: [TypicalCase]
    /// 下一步工作要求, one paragraph each.
    public var nextSteps: [String]
    /// 联系人 and telephone, printed as written (a published document's own contact is not
    /// personal data to mask).
    public var contact: String?

    public init(period: String? = nil, team: String? = nil, method: Method = .census, steps: [String] = [],
                goodPractices: [String] = [], typicalCases: [TypicalCase] = [], nextSteps: [String] = [], contact: String? = nil) {
        self.period = period
        self.team = team
        self.method = method
        self.steps = steps
        self.goodPractices = goodPractices
        self.typicalCases = typicalCases
        self.nextSteps = nextSteps
        self.contact = contact
    }

    static let keys = ["review_period", "review_team", "review_method", "review_steps", "good_practices", "typical_cases",
                       "next_steps", "contact"]

    /// Reads one of ``keys`` of `settings.yaml`.
    mutating func read(_ key: String, _ value: Node, reader: YAMLReader) throws(PingchaError) {
        func text() -> String? {
            let t = value.scalar?.string.trimmingSpaces ?? ""
            return t.isEmpty ? nil : t
        }
        func paragraphs() throws(PingchaError) -> [String] {
            if value.scalar?.string.trimmingSpaces.isEmpty == true { return [] }
            return try reader.strings(value, key: key).map { $0.0.trimmingSpaces }.filter { !$0.isEmpty }
        }
        switch key {
        case "review_period": period = text()
        case "review_team": team = text()
        case "review_method":
            let t = text() ?? Method.census.rawValue
            switch t {
            case "全部评查", "全部", "census": method = .census
            case "抽样评查", "抽样", "抽取", "sample": method = .sample
            default:
                throw .located(reader.location(value), "review_method 应为 全部评查 或 抽样评查，而不是「\(t)」")
            }
        case "review_steps": steps = try paragraphs()
        case "good_practices": goodPractices = try paragraphs()
        case "next_steps": nextSteps = try paragraphs()
        case "contact": contact = text()
        case "typical_cases":
            typicalCases = []
            if value.scalar?.string.trimmingSpaces.isEmpty == true { return }
            guard let items = value.sequence else {
                throw .wrongNodeKind(reader.location(value), key: key, expected: "列表（每项为一段文字，或 { department: 部门, case: 案号, note: 说明 }）")
            }
            for item in items {
                if let s = item.scalar?.string.trimmingSpaces {
                    if !s.isEmpty { typicalCases.append(TypicalCase(text: s, location: reader.location(item))) }
                    continue
                }
                var marked = TypicalCase(location: reader.location(item))
                for (k, _, v) in try reader.mapping(item, allowed: ["department", "case", "note"], required: ["case"], context: "典型案例（typical_cases）") {
                    let s = try reader.string(v, key: k).trimmingSpaces
                    switch k {
                    case "department": marked.department = s.isEmpty ? nil : s
                    case "case": marked.caseId = s
                    default: marked.text = s.isEmpty ? nil : s
                    }
                }
                guard marked.caseId?.isEmpty == false else {
                    throw .located(reader.location(item), "typical_cases 的 case（案号）不能为空")
                }
                typicalCases.append(marked)
            }
        default: break
        }
    }
}
