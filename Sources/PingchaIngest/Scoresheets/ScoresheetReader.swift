import PingchaModel

/// Reads scoresheets, as CSV or as workbooks (`.xlsx`, `.xls`: every sheet with the columns,
/// such as the rows-to-decide sheet of a reviewer's workbook): columns `case_id`, `rule`, `outcome` (`pass`/`fail`/`na` or
/// 符合/不符合/不适用) and optional `department`, `deduct`, `reviewer`, `note`; Chinese
/// headers (案件编号, 细则, 结论, 执法主体, 扣分, 评查人员, 备注) are accepted too. Every bad row
/// is reported with its line; a scoresheet with any error is refused as a whole.
public enum ScoresheetReader {
    static let table = ColumnTable(name: "评查表", columns: [
        .init("case_id", ["case_id", "案件编号", "案号", "案卷编号"], required: true),
        .init("department", ["department", "执法主体", "执法部门"]),
        .init("rule", ["rule", "细则", "细则编号", "规则", "评查细则"], required: true),
        .init("outcome", ["outcome", "结论", "评查结论", "结果"], required: true),
        .init("deduct", ["deduct", "扣分", "扣分值"]),
        .init("reviewer", ["reviewer", "评查人员", "评查人", "评查员"]),
        .init("note", ["note", "备注", "说明"]),
    ])

    public static func read(path: String, encoding: EncodingChoice = .auto) throws(PingchaError) -> (rows: [ScoresheetRow], errors: [PingchaError]) {
        let (lines, readErrors) = try table.read(path: path, encoding: encoding)
        var errors = readErrors
        var rows: [ScoresheetRow] = []
        for line in lines {
            func error(_ column: String, _ message: String) { errors.append(.located(line.at(column), message)) }
            guard let caseId = line["case_id"] else { error("case_id", "缺少案件编号"); continue }
            guard let rule = line["rule"] else { error("rule", "缺少细则编号"); continue }
            // A row the reviewer has not filled in yet decides nothing; one with a deduction but
            // no verdict was meant to decide something (its deduction was dropped in silence).
            guard let outcomeText = line["outcome"] else {
                if let d = line["deduct"] { error("outcome", "填写了扣分“\(d)”却没有填写结论：不符合的请在结论中填写“不符合”（或 fail）") }
                continue
            }
            let verdict: ScoresheetRow.Verdict
            switch outcomeText.lowercased() {
            case "pass", "符合", "通过", "是": verdict = .pass
            case "fail", "不符合", "不通过", "否": verdict = .fail
            case "na", "n/a", "不适用": verdict = .na
            default:
                error("outcome", "结论“\(outcomeText)”无效，应为 pass/fail/na 或 符合/不符合/不适用")
                continue
            }
            var deduct: DecimalNumber?
            if let d = line["deduct"] {
                guard let n = DecimalNumber(d), n > .zero else { error("deduct", "扣分“\(d)”应为大于 0 的数字"); continue }
                guard verdict == .fail else { error("deduct", "只有结论为 fail（不符合）时才能填写扣分"); continue }
                deduct = n
            }
            rows.append(ScoresheetRow(caseId: caseId, department: line["department"], rule: rule, verdict: verdict,
                                      deduct: deduct, reviewer: line["reviewer"], note: line["note"],
                                      file: path, line: line.location.line ?? 0, sheet: line.location.sheet, columns: line.columns))
        }
        return (rows, errors)
    }
}
