import Foundation

/// The argument parser's usage errors in Chinese: the people who run the tool read Chinese,
/// and "Error: Missing value for '--seed <seed>'" was the one English they met.
///
/// Only the parser's own sentences are rewritten; the option names, values and the usage line
/// stay as typed. A sentence this table does not know is left as it is.
enum UsageText {
    static func chinese(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
    }

    private static let rules: [(pattern: String, template: String)] = [
        (#"^Error: Missing value for '([^']+)'$"#, "错误：选项 $1 缺少取值"),
        (#"^Error: Missing expected argument '([^']+)'$"#, "错误：缺少必需的参数 $1"),
        (#"^Error: The value '(.*)' is invalid for '([^']+)'(: .*)?$"#, "错误：“$1”不是 $2 可用的取值$3"),
        (#"^Error: Unknown option '([^']+)'\. Did you mean '([^']+)'\?$"#, "错误：没有选项 $1，是否为 $2？"),
        (#"^Error: Unknown option '([^']+)'$"#, "错误：没有选项 $1"),
        (#"^Error: Unexpected argument '([^']+)'$"#, "错误：多余的参数“$1”"),
        (#"^Error: Unexpected arguments (.*)$"#, "错误：多余的参数 $1"),
        (#"^Error: Value to be set with flag '([^']+)' had already been set with flag '([^']+)'$"#, "错误：$1 与 $2 只能选一个"),
        (#"^Error: (.*)$"#, "错误：$1"),
        (#"^Help:  (.*)$"#, "说明：$1"),
        (#"^Usage: (.*)$"#, "用法：$1"),
        (#"^  See '([^']+)' for more information\.$"#, "  详见 $1"),
    ]

    private static let compiled: [(NSRegularExpression, String)] = rules.map { (try! NSRegularExpression(pattern: $0.pattern), $0.template) }

    private static func line(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        for (regex, template) in compiled where regex.firstMatch(in: text, range: range) != nil {
            return regex.stringByReplacingMatches(in: text, range: range, withTemplate: template)
        }
        return text
    }
}
