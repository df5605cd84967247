import PingchaModel
import Yams
import PingchaCatalogue

/// The yearly training an enforcement officer must have (Art. 18: 年度培训不少于60学时), read
/// from `rubrics/statistics/training.yaml`: the number is law, kept with the rules, not in code.
public struct TrainingRequirement: Sendable, Equatable {
    public var minimumHours: DecimalNumber
    /// The 情况说明 names the bodies whose 培训达标率 is below this percentage (`low_rate_percent`).
    public var lowRatePercent: DecimalNumber
    /// The article, quoted under the table that applies it.
    public var basis: String
    public var path: String

    public static let defaultPath = "rubrics/statistics/training.yaml"

    /// The training file beside the rubrics in use: `statistics/training.yaml` under the first
    /// `--rubrics` folder that has one (run outside the project folder, the default path
    /// relative to the working folder was not found), else the default.
    public static func path(besideRubrics rubrics: [String]) -> String {
        for folder in rubrics where Directory.kind(folder) == .folder {
            let candidate = PathText.joined(PathText.trimmingTrailingSlashes(folder), "statistics/training.yaml")
            if Directory.kind(candidate) == .file { return candidate }
        }
        return defaultPath
    }

    public static func load(path: String = defaultPath) throws(PingchaError) -> TrainingRequirement {
        try parse(yaml: try TextFile.read(path), path: path)
    }

    public static func parse(yaml: String, path: String) throws(PingchaError) -> TrainingRequirement {
        let reader = YAMLReader(path: path)
        guard let root = try reader.parse(yaml) else { throw .located(SourceLocation(file: path), "培训要求文件是空的") }
        let top = try reader.mapping(root, allowed: ["training"], required: ["training"], context: "培训要求文件")
        let keys = ["minimum_hours", "low_rate_percent", "basis"]
        let entries = try reader.mapping(top[0].value, allowed: keys, required: keys, context: "training 部分")
        var hours: DecimalNumber?
        var lowRate: DecimalNumber?
        var basis = ""
        for e in entries {
            let text = try reader.string(e.value, key: e.key)
            if e.key == "minimum_hours" {
                guard let n = DecimalNumber(text), n > .zero else {
                    throw .located(reader.location(e.value), "minimum_hours 应为大于 0 的学时数，不是“\(text)”")
                }
                hours = n
            } else if e.key == "low_rate_percent" {
                guard let n = DecimalNumber(text), n > .zero, n <= DecimalNumber(100) else {
                    throw .located(reader.location(e.value), "low_rate_percent 应为大于 0、不大于 100 的百分数（如 60），不是“\(text)”")
                }
                lowRate = n
            } else {
                guard !text.allSatisfy(\.isWhitespace) else { throw .located(reader.location(e.value), "basis 不能为空") }
                basis = text
            }
        }
        return TrainingRequirement(minimumHours: hours!, lowRatePercent: lowRate!, basis: basis, path: path)
    }
}
