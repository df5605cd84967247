/// Writing CSV text (RFC 4180) and guarding cells against spreadsheet formula injection.
///
/// Everything the tool writes as CSV (`cases.csv`, `rejects.csv`, synthetic exports) goes
/// through these rules, so a file written by one stage reads back identically in another and
/// in Excel/WPS.
public enum CSVText {
    /// The end of a record: RFC 4180 says CRLF (what Excel writes); LF for Unix tools.
    public enum LineEnding: Sendable {
        case crlf, lf

        public var bytes: [UInt8] {
            switch self {
            case .crlf: return [0x0D, 0x0A]
            case .lf: return [0x0A]
            }
        }
    }

    static let comma: UInt8 = 0x2C
    static let quote: UInt8 = 0x22
    static let space: UInt8 = 0x20
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A

    /// Appends one field, quoted when it contains `,` `"` CR or LF or starts or ends with a
    /// space (many readers trim unquoted spaces, which would change the value).
    public static func appendField(_ s: String, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: s.utf8)
        quoteField(in: &out, from: start)
    }

    /// Appends one record: fields separated by commas, then the line ending.
    public static func appendRow(_ fields: [String], to out: inout [UInt8], lineEnding: LineEnding = .crlf) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(comma) }
            appendField(field, to: &out)
        }
        switch lineEnding {
        case .crlf: out.append(cr); out.append(lf)
        case .lf: out.append(lf)
        }
    }

    /// Whether the UTF-8 bytes of a field need quoting.
    public static func needsQuoting(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == space || last == space { return true }
        for b in bytes where b == comma || b == quote || b == cr || b == lf { return true }
        return false
    }

    /// Quotes, in place, the field whose raw UTF-8 bytes run from `start` to the end of `out`,
    /// if it needs quoting. Lets byte-level writers append a value first and decide after,
    /// which is cheaper than building a String per field.
    public static func quoteField(in out: inout [UInt8], from start: Int) {
        guard needsQuoting(out[start...]) else { return }
        var quoted: [UInt8] = [quote]
        quoted.reserveCapacity(out.count - start + 8)
        for b in out[start...] {
            if b == quote { quoted.append(quote) }
            quoted.append(b)
        }
        quoted.append(quote)
        out.replaceSubrange(start..., with: quoted)
    }

    /// The cell text made safe for spreadsheets: a cell starting with `=`, `+`, `-`, `@`, a tab
    /// or a CR would be read as a formula (a party name like `=HYPERLINK(…)` in an export could
    /// run in the reviewer's Excel), so it gets a leading `'`. A plain negative number such as
    /// `-12.5` is left as it is: it is data, and quoting it would turn amounts into text.
    public static func neutralised(_ s: String) -> String {
        needsNeutralising(s.utf8) ? "'" + s : s
    }

    /// Whether a cell with these UTF-8 bytes gets the leading `'` of ``neutralised(_:)``
    /// (for writers that copy bytes straight from the store).
    public static func needsNeutralising<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, cr:
            return true
        case UInt8(ascii: "-"):
            return !isPlainNegativeNumber(bytes)
        default:
            return false
        }
    }

    /// `-` then digits, optionally `.` and more digits: `-12`, `-12.5`; not `-`, `-1e5`, `-1,000`.
    static func isPlainNegativeNumber<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var digitsBefore = 0, digitsAfter = 0, seenPoint = false
        for (i, b) in bytes.enumerated() {
            if i == 0 { continue }  // the minus sign
            if b == UInt8(ascii: ".") {
                if seenPoint || digitsBefore == 0 { return false }
                seenPoint = true
            } else if b >= 0x30 && b <= 0x39 {
                if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            } else {
                return false
            }
        }
        return digitsBefore > 0 && (!seenPoint || digitsAfter > 0)
    }
}
