/// The assignment as people read it (分工表) and as a spreadsheet.
extension Assignment {
    /// One row per (reviewer, case): `reviewer,reviewer_department,case_id,department,reason,rules`,
    /// reviewers in list order, rules joined by `;`. UTF-8 with BOM, CRLF, cells neutralised.
    public func assignmentCSV() -> [UInt8] {
        var rows: [[String]] = []
        for w in workloads {
            for c in w.cases {
                rows.append([w.reviewer.name, w.reviewer.department, c.caseId, c.department, c.reason.chinese,
                             c.rulesToReview.joined(separator: ";")])
            }
        }
        return TextFormatting.csv(header: ["reviewer", "reviewer_department", "case_id", "department", "reason", "rules"],
                                  rows: rows)
    }

    /// The assignment in Markdown: the rules followed, each reviewer's load and cases.
    public func assignmentMarkdown() -> String {
        let c = TextFormatting.cell
        var lines: [String] = []
        lines.append("# 评查分工")
        lines.append("")
        lines.append("- 案卷 \(cases.count) 件，每件 \(perCase) 名评查人员，评查人员 \(workloads.count) 名，随机种子 \(seed)")
        lines.append("- 回避：评查人员不评查本部门的案卷")
        lines.append("- 工作量：每人 \(loadText) 件" + (minLoad == maxLoad ? "" : isBalanced ? "（相差不超过 1 件）" : "（受回避限制，无法更均衡）"))
        lines.append("")
        lines.append("| 评查人员 | 所在部门 | 件数 | 案卷 |")
        lines.append("|---|---|---:|---|")
        for w in workloads {
            let list = w.cases.map { "\($0.department) \($0.caseId)" }.joined(separator: "；")
            lines.append("| \(c(w.reviewer.name)) | \(c(w.reviewer.department)) | \(w.load) | \(c(list)) |")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
