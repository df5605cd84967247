import PingchaModel

/// Reads scoresheets, as CSV or as workbooks (`.xlsx`, `.xls`: every sheet with the columns,
/// such as the rows-to-decide sheet of a reviewer's workbook): columns `case_id`, `rule`, `outcome` (`pass`/`fail`/`na` or
/// 符合/不符合/不适用) and optional `department`, `deduct`, `reviewer`, `note`; Chinese
/// headers (案件编号, 细则, 结论, 执法主体, 扣分, 评查人员, 备注) are accepted too. Every bad row
/// is reported with its line; a scoresheet with any error is refused as a whole.
public enum ScoresheetReader {
    static let columns: [String: [String]] = [
        "case_id": ["case_id", "案件编号", "案号", "案卷编号"],
        "department": ["department", "执法主体", "执法部门"],
        "rule": ["rule", "细则", "细则编号", "规则", "评查细则"],
        "outcome": ["outcome", "结论", "评查结论", "结果"],
        "deduct": ["deduct", "扣分", "扣分值"],
        "reviewer": ["reviewer", "评查人员", "评查人", "评查员"],
        "note": ["note", "备注", "说明"],
    ]

    public static func read(path: String, encoding: EncodingChoice = .auto) throws(PingchaError) -> (rows: [ScoresheetRow], errors: [PingchaError]) {
        let file = try ChunkedFile(path: path)
        var rows: [ScoresheetRow] = []
        var errors: [PingchaError] = []
        switch try InputFormat.detect(file) {
        case .text:
            let detection = try EncodingDetector.detect(file, choice: encoding)
            let reader = CSVRecordReader(file: file, detection: detection)
            if let missing = try read(reader, path: path, sheet: nil, into: &rows, errors: &errors) {
                errors.append(missing)
            }
        case .xlsx:
            let workbook = try WorkbookPackage(path: path)
            try readSheets(workbook.sheets.map(\.name), path: path, into: &rows, errors: &errors) { name in
                SheetRecordReader(package: workbook, sheet: workbook.sheets.first { $0.name == name }!)
            }
        case .xls:
            let workbook = try XLSWorkbook(path: path)
            try readSheets(workbook.sheetNames, path: path, into: &rows, errors: &errors) { name in
                XLSSheetReader(workbook: workbook, index: workbook.sheetNames.firstIndex(of: name)!)
            }
        }
        return (rows, errors)
    }

    /// A reviewer's workbook holds instructions and case facts beside the rows to decide:
    /// every sheet with the scoresheet columns is read, the others are not scoresheets.
    private static func readSheets(_ names: [String], path: String, into rows: inout [ScoresheetRow],
                                   errors: inout [PingchaError], reader: (String) -> RecordSource) throws(PingchaError) {
        var found = false
        var firstMissing: PingchaError?
        for name in names {
            var sheetErrors: [PingchaError] = []
            if let missing = try read(reader(name), path: path, sheet: name, into: &rows, errors: &sheetErrors) {
                firstMissing = firstMissing ?? missing
                continue
            }
            found = true
            errors += sheetErrors
        }
        if !found {
            errors.append(.located(SourceLocation(file: path), "工作簿中没有评查表工作表（表头须包含案件编号、细则、结论）"))
        }
    }

    /// Reads one source of rows; returns the error when its header lacks the required columns
    /// (then nothing else of it is read).
    private static func read(_ reader: RecordSource, path: String, sheet: String?, into allRows: inout [ScoresheetRow],
                             errors allErrors: inout [PingchaError]) throws(PingchaError) -> PingchaError? {
        var missingColumns: PingchaError?
        var rows: [ScoresheetRow] = []
        var errors: [PingchaError] = []
        defer {
            allRows += rows
            allErrors += errors
        }
        var index: [String: Int]?
        func error(_ line: Int, _ column: Int?, _ message: String) {
            errors.append(.located(SourceLocation(file: path, line: line, column: column, sheet: sheet), message))
        }
        try reader.read { event in
            switch event {
            case .record(let r):
                if missingColumns != nil { return }
                guard let columns = index else {
                    var map: [String: Int] = [:]
                    for i in 0..<r.fieldCount {
                        let key = HeaderKey(r.string(i)).key
                        for (name, spellings) in Self.columns where spellings.contains(where: { HeaderKey($0).key == key }) {
                            map[name] = i
                        }
                    }
                    let missing = ["case_id", "rule", "outcome"].filter { map[$0] == nil }
                    if !missing.isEmpty {
                        missingColumns = .located(SourceLocation(file: path, line: r.startLine, sheet: sheet),
                                                  "评查表缺少必需的列：\(missing.joined(separator: "、"))")
                        reader.stopRequested = true
                    }
                    index = map
                    return
                }
                func cell(_ name: String) -> String? {
                    guard let i = columns[name], i < r.fieldCount else { return nil }
                    var v = r.string(i).trimmingSpaces
                    // Blank scoresheets neutralise cells against spreadsheet formulas with a
                    // leading `'`; take it off again so `=1` style ids still match.
                    if v.hasPrefix("'"), let next = v.dropFirst().first, "=+-@".contains(next) { v = String(v.dropFirst()) }
                    return v.isEmpty ? nil : String(v)
                }
                if (0..<r.fieldCount).allSatisfy({ r.field($0).allSatisfy { $0 == 0x20 } }) { return }
                guard let caseId = cell("case_id") else { return error(r.startLine, (columns["case_id"] ?? 0) + 1, "缺少案件编号") }
                guard let rule = cell("rule") else { return error(r.startLine, (columns["rule"] ?? 0) + 1, "缺少细则编号") }
                // A row the reviewer has not filled in yet decides nothing.
                guard let outcomeText = cell("outcome") else { return }
                let verdict: ScoresheetRow.Verdict
                switch outcomeText.lowercased() {
                case "pass", "符合", "通过", "是": verdict = .pass
                case "fail", "不符合", "不通过", "否": verdict = .fail
                case "na", "n/a", "不适用": verdict = .na
                default:
                    return error(r.startLine, (columns["outcome"] ?? 0) + 1,
                                 "结论“\(outcomeText)”无效，应为 pass/fail/na 或 符合/不符合/不适用")
                }
                var deduct: DecimalNumber?
                if let d = cell("deduct") {
                    guard let n = DecimalNumber(d), n > .zero else {
                        return error(r.startLine, (columns["deduct"] ?? 0) + 1, "扣分“\(d)”应为大于 0 的数字")
                    }
                    guard verdict == .fail else {
                        return error(r.startLine, (columns["deduct"] ?? 0) + 1, "只有结论为 fail（不符合）时才能填写扣分")
                    }
                    deduct = n
                }
                rows.append(ScoresheetRow(caseId: caseId, department: cell("department"), rule: rule, verdict: verdict,
                                          deduct: deduct, reviewer: cell("reviewer"), note: cell("note"),
                                          file: path, line: r.startLine, sheet: sheet, columns: columns.mapValues { $0 + 1 }))
            case .unterminatedQuote(let start, _, _), .oversized(let start, _, _):
                error(start, nil, "引号未闭合")
            case .invalidBytes(let line, let column):
                error(line, column, "有无法解码的字节")
            case .cellError(let line, let column, let text):
                error(line, column, "单元格是错误值“\(text)”")
            }
        }
        return missingColumns
    }
}
