import Foundation
import PingchaModel
import PingchaXlsx

/// `PingchaBench xlsx IN.csv OUT.xlsx`: the same cases as a workbook, written by the project's
/// own xlsx writer, for `make bench` to read both (issue 11's benchmark). Cells are typed as a
/// spreadsheet program would type them: an ISO date is a date cell, a plain decimal a number;
/// columns whose first thousand rows hold fewer than a hundred texts go to the shared strings
/// (as Excel puts every text there), the others are written in the cell.
enum CSVToWorkbook {
    static func convert(csv: String, to path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: csv) else { throw PingchaError.unreadable(csv, detail: "无法打开") }
        var parser = CSVRows()
        var pending: [[String]] = []
        var header: [String]?
        var sheet: Sheet?
        let book = try Workbook(path: path, title: "bench")
        func write(_ row: [String]) throws {
            try sheet!.append(row.map { text -> Cell in
                if text.isEmpty { return .empty }
                if text.utf8.count == 10, let d = CivilDate(iso: text) { return .date(d) }
                if let first = text.utf8.first, first == 0x2D || (0x30...0x39).contains(first), DecimalNumber(text) != nil {
                    return .decimal(text)
                }
                return .text(text)
            })
        }
        func start() throws {
            guard let h = header else { return }
            let columns = h.indices.map { i in
                Column(h[i], repeats: Set(pending.lazy.map { i < $0.count ? $0[i] : "" }).count < 100)
            }
            sheet = try book.addSheet("案件", columns: columns)
            for row in pending { try write(row) }
            pending = []
        }
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            let rows = parser.feed(chunk, end: chunk.isEmpty)
            for row in rows {
                if header == nil { header = row; continue }
                if sheet == nil {
                    pending.append(row)
                    if pending.count == 1000 { try start() }
                } else {
                    try write(row)
                }
            }
            if chunk.isEmpty { break }
        }
        if sheet == nil { try start() }
        try book.close()
    }
}

/// RFC 4180 rows from UTF-8 bytes fed in pieces (quoted fields with commas, quotes and line
/// breaks); a BOM at the start is skipped.
struct CSVRows {
    private var field: [UInt8] = []
    private var row: [String] = []
    private var quoted = false
    private var quoteSeen = false
    private var atStart = true

    mutating func feed(_ data: Data, end: Bool) -> [[String]] {
        var out: [[String]] = []
        var bytes = [UInt8](data)
        if atStart, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if !bytes.isEmpty { atStart = false }
        for b in bytes {
            if quoted {
                if b == 0x22 { quoted = false; quoteSeen = true } else { field.append(b) }
                continue
            }
            switch b {
            case 0x22:
                if quoteSeen { field.append(0x22) }
                quoted = true
            case 0x2C:
                row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true)
            case 0x0A:
                row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true)
                out.append(row); row = []
            case 0x0D:
                break
            default:
                field.append(b)
            }
            quoteSeen = false
        }
        if end, !field.isEmpty || !row.isEmpty {
            row.append(String(decoding: field, as: UTF8.self))
            out.append(row)
            row = []
            field = []
        }
        return out
    }
}
