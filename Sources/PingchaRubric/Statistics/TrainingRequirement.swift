import PingchaModel
import Yams

/// The yearly training an enforcement officer must have (Art. 18: 年度培训不少于60学时), read
/// from `rubrics/statistics/training.yaml`: the number is law, kept with the rules, not in code.
public struct TrainingRequirement: Sendable, Equatable {
    public var minimumHours: DecimalNumber
    /// The article, quoted under the table that applies it.
    public var basis: String
    public var path: String

    public static let defaultPath = "rubrics/statistics/training.yaml"

    public static func load(path: String = defaultPath) throws(PingchaError) -> TrainingRequirement {
        try parse(yaml: try TextFile.read(path), path: path)
    }

    public static func parse(yaml: String, path: String) throws(PingchaError) -> TrainingRequirement {
        let reader = YAMLReader(path: path)
        guard let root = try reader.parse(yaml) else { throw .located(SourceLocation(file: path), "培训要求文件是空的") }
        let top = try reader.mapping(root, allowed: ["training"], required: ["training"], context: "培训要求文件")
        let entries = try reader.mapping(top[0].value, allowed: ["minimum_hours", "basis"], required: ["minimum_hours", "basis"],
                                         context: "training")
        var hours: DecimalNumber?
        var basis = ""
        for e in entries {
            let text = try reader.string(e.value, key: e.key)
            if e.key == "minimum_hours" {
                guard let n = DecimalNumber(text), n > .zero else {
                    throw .located(reader.location(e.value), "minimum_hours 应为大于 0 的学时数，不是“\(text)”")
                }
                hours = n
            } else {
                guard !text.allSatisfy(\.isWhitespace) else { throw .located(reader.location(e.value), "basis 不能为空") }
                basis = text
            }
        }
        return TrainingRequirement(minimumHours: hours!, basis: basis, path: path)
    }
}
