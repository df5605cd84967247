/// Minimal JSON writing for line-oriented outputs (`--cases jsonl`, `score --format jsonl`)
/// where key order must be stable and speed matters more than generality.
public enum JSONText {
    public static func quoted(_ s: String) -> String {
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

    /// A field value as JSON: dates `"YYYY-MM-DD"`, numbers as numbers, lists as arrays.
    public static func value(_ v: FieldValue) -> String {
        switch v {
        case .text(let s): return quoted(s)
        case .number(let n): return n.description
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return quoted(d.description)
        case .list(let items): return "[" + items.map(quoted).joined(separator: ",") + "]"
        }
    }

    /// One case as a JSON object with canonical field ids in catalogue order; missing fields
    /// are omitted.
    public static func caseObject(_ record: CaseRecord, catalogue: FieldCatalogue) -> String {
        var parts: [String] = []
        for (i, v) in record.values.enumerated() {
            guard let v else { continue }
            parts.append(quoted(catalogue[i].id) + ":" + value(v))
        }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
