/// Minimal JSON writing for line-oriented outputs (`--cases jsonl`, `score --format jsonl`)
/// where key order must be stable and speed matters more than generality.
public enum JSONText {
    public static func quoted(_ s: String) -> String {
        // Most texts need no escaping: one scan of the bytes, one concatenation.
        if !s.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A field value as JSON (``append(value:to:)``'s bytes as a String).
    public static func value(_ v: FieldValue) -> String {
        var out: [UInt8] = []
        append(value: v, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a field value as JSON: texts quoted, numbers as numbers, yes/no as `true`/`false`,
    /// dates `"YYYY-MM-DD"`, lists as arrays of texts.
    public static func append(value v: FieldValue, to out: inout [UInt8]) {
        switch v {
        case .text(let s): append(quoted: s, to: &out)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(quoted: item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .number(let n): n.appendText(to: &out)
        case .date(let d):
            out.append(UInt8(ascii: "\""))
            d.appendText(to: &out)
            out.append(UInt8(ascii: "\""))
        }
    }

    /// One case as a JSON object with canonical field ids in catalogue order; missing fields
    /// are omitted.
    public static func caseObject(_ record: CaseRecord, catalogue: FieldCatalogue) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(1024)
        var first = true
        for (i, v) in record.values.enumerated() {
            guard let v else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: catalogue[i].id.utf8)
            out.append(contentsOf: "\":".utf8)
            append(value: v, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string (the bytes ``quoted(_:)`` returns) without building it.
    public static func append(quoted s: String, to out: inout [UInt8]) {
        if !s.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: quoted(s).utf8)
        }
    }
}
