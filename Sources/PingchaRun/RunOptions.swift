import PingchaIngest
import PingchaModel

/// Everything `pingcha run` needs, as plain values (the executable fills it from flags).
public struct RunOptions: Sendable {
    public var inputs: [String]
    public var rubrics: [String] = ["rubrics"]
    public var database = "reports/pingcha.sqlite"
    public var batchName: String?
    public var year: Int?
    public var scoresheets: [String] = []
    public var mapping: String?
    public var encoding: EncodingChoice = .auto
    /// `--sheet NAME`: the worksheet to read in each workbook input.
    public var sheet: String?
    /// `--header-row N`: the row the header is on in every input.
    public var headerRow: Int?
    public var calendar: String?
    public var fields: String?
    public var outputDirectory: String?
    public var strict = false
    /// `--final`: the final bulletin, refused (nothing stored) while any case is pending.
    public var final = false
    /// How long to wait for another run writing the same store (seconds).
    public var waitForOtherRun: Double = 600
    public var toolVersion = "0.1.0"

    public init(inputs: [String]) { self.inputs = inputs }

    /// The batch name a run gets when none is given: “2025年度行政执法案卷评查”.
    public static func defaultBatchName(year: Int?) -> String {
        year.map { "\($0)年度行政执法案卷评查" } ?? "行政执法案卷评查"
    }
}
