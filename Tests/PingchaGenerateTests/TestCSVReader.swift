/// A small, independent RFC 4180 reader for checking what the generator wrote: quoted fields
/// with doubled quotes, embedded CR/LF, CRLF or LF record ends. Kept separate from the
/// project's ingester on purpose, so the generator is not tested against itself.
enum TestCSVReader {
    static func records(_ bytes: [UInt8]) -> [[String]] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var i = body.startIndex
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll() }
        while i < body.endIndex {
            let b = body[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < body.endIndex && body[i + 1] == 0x22 { field.append(0x22); i += 1 }
                    else { inQuotes = false }
                } else {
                    field.append(b)
                }
            } else if b == 0x22 && field.isEmpty {
                inQuotes = true
            } else if b == 0x2C {
                endField()
            } else if b == 0x0D || b == 0x0A {
                if b == 0x0D && i + 1 < body.endIndex && body[i + 1] == 0x0A { i += 1 }
                endField()
                records.append(fields)
                fields.removeAll()
            } else {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty { endField(); records.append(fields) }
        return records
    }

    /// Header and rows as dictionaries keyed by header (rows of another width are skipped).
    static func table(_ bytes: [UInt8]) -> (header: [String], rows: [[String: String]]) {
        let all = records(bytes)
        guard let header = all.first else { return ([], []) }
        let rows = all.dropFirst().filter { $0.count == header.count }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        return (header, rows)
    }
}
