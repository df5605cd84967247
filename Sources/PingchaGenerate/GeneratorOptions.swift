/// What to generate (`pingcha generate`).
public struct GeneratorOptions: Equatable, Sendable {
    /// Good case rows to write. Deliberately broken rows (messy mode) come on top.
    public var cases: Int
    /// Years the decisions fall in (决定日期); cases are spread evenly over them.
    public var years: [Int]
    public var seed: UInt64
    /// Chinese headers, mixed value spellings, missing columns, a few broken rows and
    /// invalid values: what ingestion meets in real exports. Off: canonical headers and values.
    public var messy: Bool
    /// Department names to write; nil = all (see ``SyntheticExport/departmentNames``).
    public var departments: [String]?

    public init(cases: Int, years: [Int], seed: UInt64, messy: Bool = false, departments: [String]? = nil) {
        self.cases = cases
        self.years = years
        self.seed = seed
        self.messy = messy
        self.departments = departments
    }

    /// Broken rows per good row in messy mode (about 3 per thousand).
    static let badRowRate = 0.003
    /// Invalid optional values per good row in messy mode (about 2 per thousand).
    static let invalidValueRate = 0.002
    /// Years the generator accepts.
    public static let yearRange = 1990...2100
}

/// The character set of the written files.
public enum ExportEncoding: String, CaseIterable, Sendable {
    /// UTF-8 without a byte-order mark.
    case utf8
    /// UTF-8 starting with EF BB BF, as Excel writes "CSV UTF-8".
    case utf8BOM
    /// GB18030 (what Excel on Chinese Windows writes; a superset of GBK).
    case gb18030
}

/// Why generation could not run or finish. ``message`` is in Chinese for the user.
public enum GeneratorError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidOptions(String)
    case unknownDepartment(String, suggestion: String?, known: [String])
    case encodingUnavailable(String)
    case cannotWrite(path: String, detail: String)

    public var message: String {
        switch self {
        case .invalidOptions(let text):
            return text
        case .unknownDepartment(let name, let suggestion, let known):
            let hint = suggestion.map { "，是否为“\($0)”？" } ?? "。可用的部门：\(known.joined(separator: "、"))"
            return "未知的部门“\(name)”\(hint)"
        case .encodingUnavailable(let encoding):
            return "本机的 iconv 不支持 \(encoding) 编码，无法生成该编码的文件"
        case .cannotWrite(let path, let detail):
            return "\(path): 无法写入：\(detail)"
        }
    }

    public var description: String { message }
}
