/// Reads back the case objects the store keeps (written by ``JSONText/caseObject``): flat
/// objects of strings, numbers, booleans, nulls and arrays of strings. Numbers are taken from
/// their text, so amounts come back exactly (a general JSON parser would pass them through
/// binary floating point). Works on the UTF-8 bytes: reports read a million of these.
public enum CaseJSONDecoder {
    public static func decode(_ json: String, catalogue: FieldCatalogue) -> [FieldValue?] {
        var values = [FieldValue?](repeating: nil, count: catalogue.count)
        var text = json
        text.withUTF8 { b in
            var i = 0
            let n = b.count
            func skipSpace() { while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 } }
            func string() -> String? {
                guard i < n, b[i] == 0x22 else { return nil }
                i += 1
                let start = i
                var escaped = false
                while i < n, b[i] != 0x22 {
                    if b[i] == 0x5C { escaped = true; i += 1 }
                    i += 1
                }
                guard i < n else { return nil }
                let raw = UnsafeBufferPointer(rebasing: b[start..<i])
                i += 1
                return escaped ? unescape(raw) : String(decoding: raw, as: UTF8.self)
            }
            func bare() -> String {
                let start = i
                while i < n, b[i] != 0x2C, b[i] != 0x7D, b[i] != 0x5D { i += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self).trimmingSpaces
            }
            skipSpace()
            guard i < n, b[i] == 0x7B else { return }
            i += 1
            while true {
                skipSpace()
                guard let key = string() else { break }
                skipSpace()
                guard i < n, b[i] == 0x3A else { break }
                i += 1
                skipSpace()
                let index = catalogue.index(of: key)
                let type = index.map { catalogue[$0].type }
                var value: FieldValue?
                if i < n, b[i] == 0x22 {
                    let s = string() ?? ""
                    value = type == .date ? CivilDate(iso: s).map(FieldValue.date) : .text(s)
                } else if i < n, b[i] == 0x5B {
                    i += 1
                    var items: [String] = []
                    while true {
                        skipSpace()
                        if i < n, b[i] == 0x5D { i += 1; break }
                        guard let item = string() else { break }
                        items.append(item)
                        skipSpace()
                        if i < n, b[i] == 0x2C { i += 1 }
                    }
                    value = .list(items)
                } else {
                    switch bare() {
                    case "true": value = .bool(true)
                    case "false": value = .bool(false)
                    case "null": value = nil
                    case let token: value = DecimalNumber(token).map(FieldValue.number)
                    }
                }
                if let index { values[index] = value }
                skipSpace()
                if i < n, b[i] == 0x2C { i += 1; continue }
                break
            }
        }
        return values
    }

    /// The escapes ``JSONText/quoted`` writes: `\"`, `\\`, `\n`, `\r`, `\t`, `\u00XX`.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let c = raw[i]
            guard c == 0x5C, i + 1 < raw.count else { out.append(c); i += 1; continue }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u") where i + 4 <= raw.count:
                let hex = String(decoding: UnsafeBufferPointer(rebasing: raw[i..<(i + 4)]), as: UTF8.self)
                i += 4
                if let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) { out.append(contentsOf: String(scalar).utf8) }
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// The text without surrounding whitespace (cells, headers, hand-made CSV files).
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
