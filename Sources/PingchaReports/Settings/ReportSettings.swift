import PingchaModel

/// What a bureau changes without touching code: who issues the documents, their number and
/// date, how personal data is masked. Read from `settings.yaml` beside the templates;
/// `--org`, `--doc-number`, `--date` override it for one run.
public struct ReportSettings: Sendable, Equatable {
    /// 发文机关 and 署名, e.g. "克拉玛依市司法局".
    public var organisation: String
    /// 发文字号; nil prints none.
    public var documentNumber: String?
    /// 主送机关 of the bulletin.
    public var recipients: String
    /// 成文日期; nil means the day the batch ran (so regenerating a batch's reports gives the
    /// same deadlines).
    public var date: CivilDate?
    /// How many excellent and unqualified cases the bulletin lists by name (the full lists
    /// are in scores.xlsx).
    public var listLimit: Int
    /// How many cases a rectification notice lists (the lowest scores first; 0: all). The
    /// notice says how many there are in all; every finding is in scores.xlsx and findings.csv.
    public var noticeCaseLimit: Int
    /// Natural persons' names in published files.
    public var nameMasking: NameMasking
    /// Mask personal data in internal files too (notices, scores.xlsx).
    public var maskAll: Bool
    /// The bulletin's review details and the bureau's own paragraphs (the last section).
    public var content = BulletinContent()

    public enum NameMasking: String, Sendable, Equatable, CaseIterable {
        /// 姓 + 某 (张某, 欧阳某).
        case surname
        /// The name as exported.
        case none
    }

    public init(organisation: String = "克拉玛依市司法局", documentNumber: String? = nil, recipients: String = "各行政执法主体：",
                date: CivilDate? = nil, listLimit: Int = 30, noticeCaseLimit: Int = 1000, nameMasking: NameMasking = .surname,
                maskAll: Bool = false) {
        self.noticeCaseLimit = noticeCaseLimit
        self.organisation = organisation
        self.documentNumber = documentNumber
        self.recipients = recipients
        self.date = date
        self.listLimit = listLimit
        self.nameMasking = nameMasking
        self.maskAll = maskAll
    }
}
