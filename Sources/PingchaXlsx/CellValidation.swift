import PingchaDocuments

/// What a cell accepts (数据验证), checked by Excel, WPS and LibreOffice as the user types:
/// a reviewer's workbook offers 符合/不符合/不适用 in a drop-down and refuses a deduction
/// above the rule's maximum before the file ever comes back.
public enum CellValidation: Hashable, Sendable {
    /// One of these texts, offered as a drop-down (in-cell list). Excel keeps an inline
    /// list to 255 characters, separators included: longer lists are cut to what fits.
    case list([String])
    /// A number from `min` to `max`, both included (exact decimal text such as `0` and `2.5`).
    case decimal(min: String, max: String)

    /// `<dataValidation>` for the cells `sqref` (space-separated references). A blank cell is
    /// allowed: a row not decided yet is left empty.
    func xml(sqref: String) -> String {
        switch self {
        case .list(let values):
            var items: [String] = []
            var length = 0
            for v in values.map({ $0.replacingOccurrences(of: ",", with: "，").replacingOccurrences(of: "\"", with: "“") }) {
                let added = v.utf16.count + (items.isEmpty ? 0 : 1)
                if length + added > 255 { break }
                items.append(v)
                length += added
            }
            let shown = items.joined(separator: "、")
            return "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
                + " errorTitle=\"输入无效\" error=\"\(XMLText.escape("请从下拉列表中选择：\(shown)"))\""
                + " promptTitle=\"请选择\" prompt=\"\(XMLText.escape(shown))\" sqref=\"\(sqref)\">"
                + "<formula1>\(XMLText.escape("\"" + items.joined(separator: ",") + "\""))</formula1></dataValidation>"
        case .decimal(let min, let max):
            return "<dataValidation type=\"decimal\" operator=\"between\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
                + " errorTitle=\"输入无效\" error=\"\(XMLText.escape("请填写 \(min) 至 \(max) 之间的数字"))\""
                + " promptTitle=\"扣分\" prompt=\"\(XMLText.escape("\(min) 至 \(max)，不填则按全部扣分"))\" sqref=\"\(sqref)\">"
                + "<formula1>\(XMLText.escape(min))</formula1><formula2>\(XMLText.escape(max))</formula2></dataValidation>"
        }
    }
}

/// The cells of one worksheet part under each validation, as ranges of rows within a column:
/// consecutive rows of a column with the same validation make one range (`D2:D40`), so a
/// sheet of a thousand decisions has a handful of references, not a thousand.
struct ValidationRanges {
    private struct Run {
        var column: Int
        var first: Int
        var last: Int
    }

    private var order: [CellValidation] = []
    private var runs: [CellValidation: [Run]] = [:]

    var isEmpty: Bool { order.isEmpty }

    mutating func add(_ validation: CellValidation, column: Int, row: Int) {
        if runs[validation] == nil { order.append(validation) }
        if let i = runs[validation]?.lastIndex(where: { $0.column == column }), runs[validation]![i].last == row - 1 {
            runs[validation]![i].last = row
        } else {
            runs[validation, default: []].append(Run(column: column, first: row, last: row))
        }
    }

    /// `<dataValidations>`, validations in order of first use; empty when there are none.
    var xml: String {
        guard !order.isEmpty else { return "" }
        var x = "<dataValidations count=\"\(order.count)\">"
        for v in order {
            let sqref = runs[v]!.map { run in
                let letters = CellReference.columnLetters(run.column)
                return run.first == run.last ? "\(letters)\(run.first)" : "\(letters)\(run.first):\(letters)\(run.last)"
            }.joined(separator: " ")
            x += v.xml(sqref: sqref)
        }
        return x + "</dataValidations>"
    }
}
