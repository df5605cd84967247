import PingchaDocuments
import PingchaModel

/// What a bureau changes without touching code: who issues the documents, their number and
/// date, how personal data is masked. Read from `settings.yaml` beside the templates;
/// `--org`, `--doc-number`, `--date` override it for one run.
public struct ReportSettings: Sendable, Equatable {
    /// 发文机关 and 署名, e.g. "克拉玛依市司法局".
    public var organisation: String
    /// The bulletin's 发文字号 as a pattern, "克司通〔{year}〕{number}号" (``DocumentNumber``): the
    /// year is the 成文日期's; the number is ``documentNumberSeq``, or a visible blank to write in.
    public var documentNumberPattern: String
    /// The number the registry gave the bulletin (`document_number_seq`).
    public var documentNumberSeq: Int?
    /// The notices' 发文字号 pattern. Each notice is a document of its own with its own number,
    /// which the program cannot know: `{number}` stays a visible blank.
    public var noticeNumberPattern: String
    /// 主送机关 of the bulletin, e.g. "市直各行政执法部门：".
    public var recipients: String
    /// 抄送机关 (版记), printed "抄送：A，B。"; none prints no 抄送 line.
    public var copyTo: [String]
    /// 印发机关 (版记); nil means the organisation.
    public var printedBy: String?
    /// 印发日期 (版记); nil means the 成文日期.
    public var printedOn: CivilDate?
    /// 成文日期; nil means the day the batch ran (so regenerating a batch's reports gives the
    /// same deadlines).
    public var date: CivilDate?
    /// How many excellent and unqualified cases the bulletin lists by name (the full lists
    /// are in scores.xlsx).
    public var listLimit: Int
    /// How many cases a rectification notice lists (the lowest scores first; 0: all). The
    /// notice says how many there are in all; every finding is in scores.xlsx and findings.csv.
    public var noticeCaseLimit: Int
    /// How many rows a detail sheet of scores.xlsx holds at most (0: all): above it the sheets
    /// hold the rows that matter first and say where the rest are (cases.csv, findings.csv, the
    /// store). A sheet of a million rows is one nobody opens in Excel.
    public var xlsxDetailLimit = 200_000
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

    public init(organisation: String = "克拉玛依市司法局", documentNumber: String? = nil, documentNumberSeq: Int? = nil,
                noticeNumber: String? = nil, recipients: String = "市直各行政执法部门：", copyTo: [String] = [],
                printedBy: String? = nil, printedOn: CivilDate? = nil,
                date: CivilDate? = nil, listLimit: Int = 30, noticeCaseLimit: Int = 1000, nameMasking: NameMasking = .surname,
                maskAll: Bool = false) {
        self.noticeCaseLimit = noticeCaseLimit
        self.organisation = organisation
        self.documentNumberPattern = documentNumber ?? DocumentNumber.defaultPattern
        self.documentNumberSeq = documentNumberSeq
        self.noticeNumberPattern = noticeNumber ?? DocumentNumber.defaultPattern
        self.recipients = recipients
        self.copyTo = copyTo
        self.printedBy = printedBy
        self.printedOn = printedOn
        self.date = date
        self.listLimit = listLimit
        self.nameMasking = nameMasking
        self.maskAll = maskAll
    }
}
