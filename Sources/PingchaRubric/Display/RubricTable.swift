import PingchaModel

/// `pingcha rubric show`: a rubric as a table a supervisor can read in a terminal.
public enum RubricTable {
    public static func render(_ r: Rubric, catalogue: FieldCatalogue) -> String {
        var out = "\(r.title)（\(r.id)，版本 \(r.version)，优先级 \(r.priority)）\n"
        out += "文件：\(r.files.joined(separator: "、"))\n"
        out += "适用：\(r.appliesWhen?.source ?? "全部案件")\n"
        out += "满分 \(r.total)；等次：" + r.grades.map { "\($0.name) ≥ \($0.min)" }.joined(separator: "，")
        out += "；一票否决时最高为“\(r.grades[r.vetoGrade].name)”\n\n"
        var rows: [[String]] = [["编号", "细则", "扣分", "否决", "处理", "方式", "依据"]]
        for c in r.categories {
            rows.append(["【\(c.id)】", "\(c.title)（\(c.points) 分）", "", "", "", "", ""])
            for rule in r.rules[c.rules] {
                let amount: String
                switch rule.kind {
                case .count: amount = "每项 \(rule.deduct)" + (rule.max.map { "，至多 \($0)" } ?? "")
                default: amount = rule.deduct.description
                }
                let how: String
                switch rule.kind {
                case .check: how = "自动"
                case .count: how = "自动计数"
                case .manual: how = "人工"
                }
                rows.append([rule.id, rule.title, amount, rule.veto ? "是" : "", rule.disposition.chineseName, how, rule.basis ?? ""])
            }
        }
        return out + table(rows)
    }

    /// Columns padded by display width (a CJK character takes two columns).
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() where i < columns - 1 { widths[i] = max(widths[i], width(cell)) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - width(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && ($1.value <= 0x115F || $1.value >= 0x2E80) ? 2 : 1) }
    }
}
