/// Reads back the case objects the store keeps (written by ``JSONText/caseObject``): flat
/// objects of strings, numbers, booleans, nulls and arrays of strings. Numbers are taken from
/// their text, so amounts come back exactly (a general JSON parser would pass them through
/// binary floating point).
public enum CaseJSONDecoder {
    public static func decode(_ json: String, catalogue: FieldCatalogue) -> [FieldValue?] {
        var values = [FieldValue?](repeating: nil, count: catalogue.count)
        var s = Substring(json).unicodeScalars[...]
        func skipSpace() { while let c = s.first, c == " " || c == "\n" || c == "\t" || c == "\r" { s.removeFirst() } }
        func string() -> String? {
            guard s.first == "\"" else { return nil }
            s.removeFirst()
            var out = String.UnicodeScalarView()
            while let c = s.first {
                s.removeFirst()
                if c == "\"" { return String(out) }
                if c == "\\", let e = s.first {
                    s.removeFirst()
                    switch e {
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "u":
                        let hex = String(String.UnicodeScalarView(s.prefix(4)))
                        s.removeFirst(min(4, s.count))
                        if let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) { out.append(scalar) }
                    default: out.append(e)
                    }
                } else {
                    out.append(c)
                }
            }
            return nil
        }
        func bare() -> String {
            var out = String.UnicodeScalarView()
            while let c = s.first, c != ",", c != "}", c != "]" { out.append(c); s.removeFirst() }
            return String(out).trimmingSpaces
        }
        skipSpace()
        guard s.first == "{" else { return values }
        s.removeFirst()
        while true {
            skipSpace()
            guard let key = string() else { break }
            skipSpace()
            guard s.first == ":" else { break }
            s.removeFirst()
            skipSpace()
            let index = catalogue.index(of: key)
            let type = index.map { catalogue[$0].type }
            var value: FieldValue?
            if s.first == "\"" {
                let text = string() ?? ""
                value = type == .date ? CivilDate(iso: text).map(FieldValue.date) : .text(text)
            } else if s.first == "[" {
                s.removeFirst()
                var items: [String] = []
                while true {
                    skipSpace()
                    if s.first == "]" { s.removeFirst(); break }
                    if let item = string() { items.append(item) } else { break }
                    skipSpace()
                    if s.first == "," { s.removeFirst() }
                }
                value = .list(items)
            } else {
                let token = bare()
                switch token {
                case "true": value = .bool(true)
                case "false": value = .bool(false)
                case "null": value = nil
                default: value = DecimalNumber(token).map(FieldValue.number)
                }
            }
            if let index { values[index] = value }
            skipSpace()
            if s.first == "," { s.removeFirst(); continue }
            break
        }
        return values
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
