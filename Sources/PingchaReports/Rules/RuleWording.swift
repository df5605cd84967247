import Foundation

/// How the documents name a rule where people read them.
///
/// A rule's title is written for the people who score: it carries the deduction scheme
/// ("（每逾期一个工作日扣0.5分，最多扣2分）"), who decides ("（评查员判定）", "（文字筛查，评查员核实）")
/// and the default a profile may change ("（默认：…）"). A bulletin or a notice states the
/// requirement, so those notes are left out there. A rule id alone is ambiguous (PRO-03 is one
/// rule of the penalty standard and another of the licensing standard), so where an id must be
/// printed it is qualified by the standard's short name ("处罚（普通）PRO-03").
public enum RuleWording {
    /// The title as a requirement, without the notes for scorers: a bracketed part goes when it
    /// states a default ("默认…"); otherwise only its clauses about points, reviewers and
    /// screening go, and the bracket with them when nothing is left.
    ///
    /// "证据种类相互印证（不少于三类，每少一类扣1分，最多扣2分）" → "证据种类相互印证（不少于三类）".
    public static func plainTitle(_ title: String) -> String {
        var out = ""
        var rest = Substring(title)
        while let open = rest.firstIndex(where: { $0 == "（" || $0 == "(" }) {
            out += rest[..<open]
            // The matching close, allowing brackets inside.
            var depth = 0
            var close: Substring.Index?
            var i = open
            while i < rest.endIndex {
                let c = rest[i]
                if c == "（" || c == "(" { depth += 1 }
                if c == "）" || c == ")" {
                    depth -= 1
                    if depth == 0 { close = i; break }
                }
                i = rest.index(after: i)
            }
            guard let close else {
                out += rest[open...]
                rest = ""
                break
            }
            let inner = rest[rest.index(after: open)..<close]
            let kept = keptClauses(inner)
            if !kept.isEmpty { out += "（" + kept + "）" }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// The clauses of a bracketed note a reader needs ("" when none).
    static func keptClauses(_ inner: Substring) -> String {
        let separators: Set<Character> = ["，", "；", ",", ";"]
        var clauses: [(text: String, separator: Character?)] = []
        var current = ""
        for c in inner {
            if separators.contains(c) {
                clauses.append((current, c))
                current = ""
            } else {
                current.append(c)
            }
        }
        clauses.append((current, nil))
        if clauses.contains(where: { $0.text.trimmingCharacters(in: .whitespaces).hasPrefix("默认") }) { return "" }
        let kept = clauses.filter { !isScorersNote($0.text) && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        var out = ""
        for (i, clause) in kept.enumerated() {
            out += clause.text
            if i < kept.count - 1 { out.append(clause.separator ?? "，") }
        }
        return out
    }

    /// A clause about points, reviewers or screening: "每少一类扣1分", "最多扣2分", "评查员判定",
    /// "文字筛查", "超过的交评查员核实".
    static func isScorersNote(_ clause: String) -> Bool {
        for marker in ["评查员", "筛查", "核实", "扣完", "改判"] where clause.contains(marker) { return true }
        // A figure followed by 分 ("扣1分", "0.5分").
        let characters = Array(clause)
        for i in characters.indices.dropFirst() where characters[i] == "分" && characters[i - 1].isASCIIDigit { return true }
        return false
    }

    /// A standard's short name from its title: "行政处罚案卷评查标准（普通程序）" → "处罚（普通）",
    /// "行政许可案卷评查标准" → "许可"; the rubric id when nothing is left.
    public static func standardShortName(title: String, id: String) -> String {
        var name = title
        for suffix in ["案卷评查标准", "评查标准", "案卷标准", "标准"] {
            if let range = name.range(of: suffix) {
                name.removeSubrange(range)
                break
            }
        }
        if name.hasPrefix("行政"), name.count > 2 { name.removeFirst(2) }
        // Inside the bracket: "（普通程序）" → "（普通）".
        if let open = name.firstIndex(where: { $0 == "（" || $0 == "(" }) {
            let bracket = name[open...].replacingOccurrences(of: "程序", with: "")
            name = String(name[..<open]) + bracket
        }
        name = name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty || name == "（）" ? id : name
    }

    /// "处罚（普通）PRO-03": a rule id a reader can tell apart from the same id of another standard.
    public static func qualifiedId(ruleId: String, standardTitle: String, standardId: String) -> String {
        standardShortName(title: standardTitle, id: standardId) + ruleId
    }
}
