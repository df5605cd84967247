import PingchaModel

/// The values a rule read, as the store keeps them with its finding (`finding.fields_read`,
/// written by ``CaseRows``): a flat JSON object in the order the rule reads its fields —
/// `{"decision_date":"2025-03-01","served_date":null,"evidence_types":["书证"]}` — with
/// numbers in ``DecimalNumber``'s canonical text, dates as `"YYYY-MM-DD"` and a missing value
/// as `null`. Read back here, byte by byte: reports word it for a million findings, and a
/// general JSON parser would hand back `Any` and binary doubles.
public enum StoredFieldsRead {
    /// Before a key: the field only the rule's condition (`when`) read — why the rule applies
    /// to the case, not what it found (`{"?hearing_date":null,"decision_date":…}`). Findings
    /// stored before the mark was kept have none: every field reads as a finding's.
    public static let conditionMark = "?"

    public typealias Field = (field: String, value: FieldValue?, condition: Bool)

    /// The fields in stored order, each with its value typed by the catalogue (nil: missing;
    /// a field the catalogue no longer has keeps its text) and whether only the condition read
    /// it. Nil for text that is not such an object.
    public static func decode(_ json: String, catalogue: FieldCatalogue) -> [Field]? {
        var json = json
        return json.withUTF8 { decode($0, catalogue: catalogue) }
    }

    public static func decode(_ json: UnsafeBufferPointer<UInt8>, catalogue: FieldCatalogue) -> [Field]? {
        var reader = Reader(bytes: json)
        var out: [Field] = []
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        if reader.take(UInt8(ascii: "}")) { return reader.atEnd ? out : nil }
        repeat {
            guard var field = reader.string(), reader.take(UInt8(ascii: ":")), let raw = reader.value() else { return nil }
            let condition = field.hasPrefix(conditionMark)
            if condition { field.removeFirst(conditionMark.count) }
            out.append((field, typed(raw, as: catalogue[field]?.type), condition))
        } while reader.take(UInt8(ascii: ","))
        return reader.take(UInt8(ascii: "}")) && reader.atEnd ? out : nil
    }

    /// A value as JSON gives it.
    enum Raw {
        case null, bool(Bool), number(String), string(String), list([String])
    }

    static func typed(_ raw: Raw, as type: FieldType?) -> FieldValue? {
        switch raw {
        case .null: return nil
        case .bool(let b): return .bool(b)
        case .number(let text): return DecimalNumber(text).map(FieldValue.number) ?? .text(text)
        case .list(let items): return .list(items)
        case .string(let text):
            if type == .date, let date = CivilDate(iso: text) { return .date(date) }
            return .text(text)
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        var atEnd: Bool { i == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, (0..<w.count).allSatisfy({ bytes[i + $0] == w[$0] }) else { return false }
            i += w.count
            return true
        }

        mutating func value() -> Raw? {
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "\""): return string().map(Raw.string)
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "["):
                i += 1
                var items: [String] = []
                if take(UInt8(ascii: "]")) { return .list(items) }
                repeat {
                    guard let item = string() else { return nil }
                    items.append(item)
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]")) ? .list(items) : nil
            default:
                let start = i
                while i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ".") || (bytes[i] >= 0x30 && bytes[i] <= 0x39) {
                    i += 1
                }
                return i > start ? .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) : nil
            }
        }

        /// A JSON string with the escapes ``JSONText/quoted(_:)`` writes (`\"`, `\\`, `\n`,
        /// `\r`, `\t`, `\u00XX`), and `\/`, `\b`, `\f` for good measure.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = i
            // The common case: no escape, one copy.
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "\"") {
                defer { i += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            var out = Array(bytes[start..<i])
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard b == UInt8(ascii: "\\") else { out.append(b); continue }
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard i + 4 <= bytes.count,
                          let code = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<i + 4]), as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { return nil }
                    i += 4
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: out.append(e)  // \" \\ \/
                }
            }
            return nil
        }
    }
}
