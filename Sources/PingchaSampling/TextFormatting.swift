import PingchaModel

/// Small formatting rules shared by the draw record, the sample CSV and the scoresheets.
enum TextFormatting {
    /// A risk value as people write it: `3`, not `3.0`; `2.5` stays `2.5`. Swift's Double
    /// description is the shortest text that reads back exactly, on every platform.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A Markdown table cell: `|` would end the cell, a line break the row.
    static func cell(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A CSV file as every CSV the tool writes: UTF-8 with BOM (so Excel/WPS open it as UTF-8),
    /// CRLF line ends, every cell neutralised against formula injection.
    static func csv(header: [String], rows: [[String]]) -> [UInt8] {
        var out = bom
        CSVText.appendRow(header, to: &out)
        for row in rows { CSVText.appendRow(row.map(CSVText.neutralised), to: &out) }
        return out
    }
}
