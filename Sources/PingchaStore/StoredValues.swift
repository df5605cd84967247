internal import GRDB
import PingchaModel

/// A case's normalised values as the store keeps them in `case.fields`.
///
/// Since schema 3 a compact binary record (a third of the JSON's size: a run stores a
/// million of them inside one transaction, and the bytes are most of its cost); batches
/// stored before keep their JSON object, which is still read.
///
/// The binary record: one format byte (1), then for each value present, in catalogue
/// order, a varint `position << 3 | tag` and the value. `position` is the field's place in
/// the batch's field list (`batch.fields`, the catalogue's ids when the batch was stored),
/// so a record stays readable when the catalogue changes. Tags: 0 text (varint byte count,
/// UTF-8), 1 number (zigzag varint of the exact units), 2 false, 3 true, 4 date (zigzag
/// varint day number), 5 list (varint item count, then each item as a text).
public enum StoredValues {
    static let format: UInt8 = 1

    private enum Tag: UInt64 {
        case text = 0, number = 1, no = 2, yes = 3, date = 4, list = 5
    }

    /// Where each stored position goes in the catalogue the reader uses.
    public struct Layout: Sendable {
        /// The batch's field ids, in stored order (nil: a batch from before schema 3).
        public let fieldIds: [String]?
        public let catalogue: FieldCatalogue
        let catalogueIndex: [Int?]

        public init(fieldIds: [String]?, catalogue: FieldCatalogue) {
            self.fieldIds = fieldIds
            self.catalogue = catalogue
            catalogueIndex = (fieldIds ?? []).map { catalogue.index(of: $0) }
        }
    }

    /// The catalogue's ids as `batch.fields` records them (a JSON array).
    public static func fieldList(_ catalogue: FieldCatalogue) -> String {
        "[" + catalogue.fields.map { JSONText.quoted($0.id) }.joined(separator: ",") + "]"
    }

    /// Reads `batch.fields` back.
    static func fieldIds(json: String?) -> [String]? {
        guard let json else { return nil }
        // A flat array of plain ids, written by ``fieldList(_:)``.
        return json.dropFirst().dropLast().split(separator: ",").map { String($0.dropFirst().dropLast()) }
    }

    /// The binary record of a case's values (by catalogue position).
    public static func encode(_ values: [FieldValue?]) -> [UInt8] {
        var out: [UInt8] = []
        encode(values, into: &out)
        return out
    }

    /// Appends the binary record to `out`.
    public static func encode(_ values: [FieldValue?], into out: inout [UInt8]) {
        out.append(format)
        func varint(_ v: UInt64) {
            var v = v
            while v >= 0x80 {
                out.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            out.append(UInt8(v))
        }
        func zigzag(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
        func text(_ s: String) {
            varint(UInt64(s.utf8.count))
            out.append(contentsOf: s.utf8)
        }
        for (position, value) in values.enumerated() {
            guard let value else { continue }
            let key = UInt64(position) << 3
            switch value {
            case .text(let s): varint(key | Tag.text.rawValue); text(s)
            case .number(let n): varint(key | Tag.number.rawValue); zigzag(n.units)
            case .bool(let b): varint(key | (b ? Tag.yes : Tag.no).rawValue)
            case .date(let d): varint(key | Tag.date.rawValue); zigzag(Int64(d.dayNumber))
            case .list(let items):
                varint(key | Tag.list.rawValue)
                varint(UInt64(items.count))
                for item in items { text(item) }
            }
        }
    }

    /// The bytes of a `case.fields` column as SQLite returns it: a blob since schema 3, the
    /// JSON text before.
    static func bytes(_ column: DatabaseValue) -> [UInt8] {
        switch column.storage {
        case .blob(let data): [UInt8](data)
        case .string(let text): Array(text.utf8)
        default: []
        }
    }

    /// The values of a stored case, by position in `catalogue`: a binary record through
    /// `layout`, or a JSON object from before schema 3.
    public static func decode(_ stored: UnsafeBufferPointer<UInt8>, layout: Layout) -> [FieldValue?] {
        let catalogue = layout.catalogue
        var values = [FieldValue?](repeating: nil, count: catalogue.count)
        guard let first = stored.first else { return values }
        guard first == format else {
            return CaseJSONDecoder.decode(String(decoding: stored, as: UTF8.self), catalogue: catalogue)
        }
        forEach(stored) { position, value in
            if position < layout.catalogueIndex.count, let i = layout.catalogueIndex[position] { values[i] = value }
        }
        return values
    }

    /// The values as the JSON object batches stored before schema 3 keep (ids in stored
    /// order), for code that reads that form.
    public static func json(_ stored: UnsafeBufferPointer<UInt8>, fieldIds: [String]?) -> String {
        guard let first = stored.first, first == format else { return String(decoding: stored, as: UTF8.self) }
        let ids = fieldIds ?? []
        var pairs: [String] = []
        forEach(stored) { position, value in
            guard position < ids.count else { return }
            pairs.append(JSONText.quoted(ids[position]) + ":" + JSONText.value(value))
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// The values of the catalogue positions `wanted` only, the rest nil: a notice needs a
    /// case's party, not its sixty other values as strings.
    public static func decode(_ stored: UnsafeBufferPointer<UInt8>, layout: Layout, only wanted: [Int]) -> [FieldValue?] {
        guard let first = stored.first, first == format else {
            let all = decode(stored, layout: layout)
            return all.indices.map { wanted.contains($0) ? all[$0] : nil }
        }
        var values = [FieldValue?](repeating: nil, count: layout.catalogue.count)
        let isWanted = layout.catalogueIndex.map { $0.map(wanted.contains) ?? false }
        forEach(stored, where: { $0 < isWanted.count && isWanted[$0] }) { position, value in
            values[layout.catalogueIndex[position]!] = value
        }
        return values
    }

    /// Calls `body` with each value of a binary record and its stored position; stops at
    /// anything malformed. Values at positions `include` rejects are stepped over unread.
    static func forEach(_ b: UnsafeBufferPointer<UInt8>, where include: (Int) -> Bool = { _ in true },
                        _ body: (Int, FieldValue) -> Void) {
        var i = 1
        let n = b.count
        func varint() -> UInt64? {
            var v: UInt64 = 0, shift: UInt64 = 0
            while i < n, shift < 64 {
                let byte = b[i]
                i += 1
                v |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return v }
                shift += 7
            }
            return nil
        }
        func zigzag() -> Int64? { varint().map { Int64(bitPattern: ($0 >> 1) ^ (0 &- ($0 & 1))) } }
        func text() -> String? {
            guard let count = varint(), count <= UInt64(n - i) else { return nil }
            let s = String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + Int(count))]), as: UTF8.self)
            i += Int(count)
            return s
        }
        /// Steps over a text; false when malformed.
        func skipText() -> Bool {
            guard let count = varint(), count <= UInt64(n - i) else { return false }
            i += Int(count)
            return true
        }
        while i < n {
            guard let key = varint(), let tag = Tag(rawValue: key & 7) else { return }
            let position = Int(key >> 3)
            if !include(position) {
                switch tag {
                case .text: guard skipText() else { return }
                case .number: guard varint() != nil else { return }
                // A day outside the dates' range ends a record here as it does when read.
                case .date: guard let day = zigzag(), Int32(exactly: day) != nil else { return }
                case .no, .yes: break
                case .list:
                    guard let count = varint(), count <= UInt64(n - i) else { return }
                    for _ in 0..<count { guard skipText() else { return } }
                }
                continue
            }
            let value: FieldValue
            switch tag {
            case .text:
                guard let s = text() else { return }
                value = .text(s)
            case .number:
                guard let units = zigzag() else { return }
                value = .number(DecimalNumber(units: units))
            case .no: value = .bool(false)
            case .yes: value = .bool(true)
            case .date:
                guard let day = zigzag(), let d = Int32(exactly: day) else { return }
                value = .date(CivilDate(dayNumber: d))
            case .list:
                guard let count = varint(), count <= UInt64(n - i) else { return }
                var items: [String] = []
                items.reserveCapacity(Int(count))
                for _ in 0..<count {
                    guard let s = text() else { return }
                    items.append(s)
                }
                value = .list(items)
            }
            body(position, value)
        }
    }
}
