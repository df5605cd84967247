import PingchaModel
import PingchaSampling
import PingchaXlsx

/// A reviewer's workbook (评查工作簿), written by `assign` beside their CSV scoresheet:
///
/// - 填写说明: how to fill it in, and the rules they decide with title, maximum deduction and
///   basis;
/// - 案件信息: their cases, with the facts needed to find and read the file and what the
///   automated checks found;
/// - 评查表: one row per case and rule, the scoresheet columns of rubric-format.md under
///   their Chinese names (so `run --scoresheet` reads the sheet back as it reads the CSV), the
///   rule's title, maximum and basis beside them; 结论 is a drop-down (符合/不符合/不适用), 扣分
///   accepts 0 to the rule's maximum, 备注 is free. The sheet is protected without a password:
///   only those three columns take input.
///
/// The reader takes the first row of a sheet as its header, so the decision sheet has no
/// note row above it.
public enum ReviewerWorkbook {
    static let outcomes = ["符合", "不符合", "不适用"]

    public static func write(to path: String, batchName: String, reviewer: Reviewer, cases: [SampledCase], lines: [ScoresheetLine],
                      details: ReviewDetails) throws(PingchaError) {
        let book = try Workbook(path: path, title: "\(batchName)评查表（\(reviewer.name)）")
        let caseNumber = Column("案件编号", width: 18, wraps: true)
        let department = Column("执法主体", width: 14, repeats: true, wraps: true)

        // 填写说明: the rules, once each, in order of first appearance.
        var rules: [RuleToDecide] = []
        var counts: [String: Int] = [:]
        for line in lines {
            let key = line.rule.id + "\u{1F}" + line.rule.title + "\u{1F}" + (line.rule.maxDeduct?.description ?? "")
            if counts[key] == nil { rules.append(line.rule) }
            counts[key, default: 0] += 1
        }
        let note = "评查人员：\(reviewer.name)（\(reviewer.department)）。共 \(cases.count) 件案卷、\(lines.count) 项待评查。"
            + "请在“评查表”工作表中逐行填写：结论（从下拉列表选择符合、不符合或不适用）；结论为不符合时可填部分扣分"
            + "（大于 0、不超过最高扣分；不填则按最高扣分扣分）；备注写明理由或所见问题。其他列受保护，不能修改"
            + "（工作表保护无密码，确需修改时可在“审阅”中撤消）。填好后交回，由 pingcha run --scoresheet 读取。"
        let instructions = try book.addSheet("填写说明", columns: [
            Column("细则", repeats: true), Column("细则名称", width: 30, wraps: true), Column("最高扣分", .decimal(places: 1)),
            Column("依据", width: 48, wraps: true), Column("待评查项数", .integer),
        ], options: SheetOptions(note: note))
        for rule in rules {
            let key = rule.id + "\u{1F}" + rule.title + "\u{1F}" + (rule.maxDeduct?.description ?? "")
            try instructions.append([.text(rule.id), .text(rule.title), rule.maxDeduct.map(Cell.decimal) ?? .empty,
                                     .text(rule.basis), .integer(counts[key] ?? 0)])
        }

        // 案件信息: read on paper beside the case file, a case to a row, so it prints one page
        // wide in landscape (the header row on every page, long texts wrapped): columns narrow
        // enough to keep the text at about four fifths of its size.
        let factColumns = details.factTitles.map { Column($0, width: 11, wraps: true) }
        let facts = try book.addSheet("案件信息", columns: [Column("序号", .integer), caseNumber, department, Column("抽取方式", repeats: true)]
            + factColumns + [Column("自动评查发现", width: 40, wraps: true)], options: SheetOptions(keyColumns: 3, fitsPageWidth: true))
        for (i, c) in cases.enumerated() {
            let values = details.facts[c.caseNo] ?? []
            let factCells = details.factTitles.indices.map { Cell.text(values.indices.contains($0) ? values[$0] : "") }
            try facts.append([.integer(i + 1), .text(c.caseId), .text(c.department), .text(c.reason.chinese)] + factCells
                             + [.text((details.findings[c.caseNo] ?? []).joined(separator: "\n"))])
        }

        // 评查表: the contract's columns keep their relative order; the reviewer's reading
        // columns sit between the key and the decision.
        let sheet = try book.addSheet("评查表", columns: [
            caseNumber, department, Column("细则", repeats: true), Column("细则名称", width: 24, repeats: true, wraps: true),
            Column("最高扣分", .decimal(places: 1)), Column("依据", width: 30, repeats: true, wraps: true),
            Column("自动评查结果", repeats: true),
            Column("结论", width: 10, editable: true), Column("扣分", width: 8, editable: true), Column("评查人员", repeats: true),
            Column("备注", width: 30, wraps: true, editable: true),
        ], options: SheetOptions(keyColumns: 3, protected: true))
        for line in lines {
            var validations: [Int: CellValidation] = [7: .list(outcomes)]
            if let max = line.rule.maxDeduct { validations[8] = .decimal(min: "0", max: max.description) }
            try sheet.append([
                .text(line.sampledCase.caseId), .text(line.sampledCase.department), .text(line.rule.id), .text(line.rule.title),
                line.rule.maxDeduct.map(Cell.decimal) ?? .empty, .text(line.rule.basis), .text(line.rule.automated),
                .empty, .empty, .text(reviewer.name), .empty,
            ], validations: validations)
        }
        try book.close()
    }
}
