import PingchaModel

/// A case's points per category as the store keeps them (`result.category_scores`): a flat
/// JSON object in rubric order, `{"legality":20,"evidence":17.5}`, values in
/// ``DecimalNumber``'s canonical text. Read back exactly, without a JSON parser: a report
/// reads it a million times.
public enum StoredCategoryScores {
    /// The points by category id.
    public static func decode(_ json: String?) -> [String: DecimalNumber] {
        guard var json else { return [:] }
        var out: [String: DecimalNumber] = [:]
        json.withUTF8 { b in
            forEachEntry(b) { key, value in out[String(decoding: key, as: UTF8.self)] = value }
        }
        return out
    }

    /// The points straight from the stored bytes into `kept` (by position in `ids`, the
    /// rubric's category ids), marking in `present` the categories the case has.
    public static func decode(_ json: UnsafeBufferPointer<UInt8>, ids: [[UInt8]], kept: inout [Int64], present: inout [Bool]) {
        for j in present.indices { present[j] = false }
        var expected = 0
        forEachEntry(json) { key, value in
            // Stored in rubric order: the next id is almost always the one expected.
            let j = expected < ids.count && ids[expected].elementsEqual(key) ? expected : ids.firstIndex { $0.elementsEqual(key) }
            guard let j else { return }
            kept[j] = value.units
            present[j] = true
            expected = j + 1
        }
    }

    /// Each `"key":value` of the flat object, in order; entries whose value is no number are
    /// skipped.
    static func forEachEntry(_ json: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, DecimalNumber) -> Void) {
        var i = 1
        let n = json.count
        while i < n {
            guard json[i] == 0x22 else { i += 1; continue }
            let keyStart = i + 1
            i = keyStart
            while i < n, json[i] != 0x22 { i += 1 }
            let key = UnsafeBufferPointer(rebasing: json[keyStart..<i])
            i += 2  // closing quote and colon
            let valueStart = i
            while i < n, json[i] != 0x2C, json[i] != 0x7D { i += 1 }
            if valueStart < i, let v = DecimalNumber(storedBytes: UnsafeBufferPointer(rebasing: json[valueStart..<i])) { body(key, v) }
            i += 1
        }
    }
}

extension DecimalNumber {
    /// Parses the canonical text the store writes (``description``) straight from bytes;
    /// anything else goes through the general parser.
    public init?(storedBytes b: UnsafeBufferPointer<UInt8>) {
        var i = 0, negative = false
        if i < b.count, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var integer: Int64 = 0, fraction: Int64 = 0, digits = 0, fractionDigits = 0, point = false
        while i < b.count {
            let c = b[i]
            i += 1
            if c == UInt8(ascii: ".") && !point { point = true; continue }
            guard c >= 0x30, c <= 0x39, digits < 15, fractionDigits < DecimalNumber.fractionDigits else {
                self.init(String(decoding: b, as: UTF8.self))
                return
            }
            digits += 1
            if point { fraction = fraction * 10 + Int64(c - 0x30); fractionDigits += 1 } else { integer = integer * 10 + Int64(c - 0x30) }
        }
        guard digits > 0 else { self.init(String(decoding: b, as: UTF8.self)); return }
        while fractionDigits < DecimalNumber.fractionDigits { fraction *= 10; fractionDigits += 1 }
        let units = integer * DecimalNumber.scale + fraction
        self.init(units: negative ? -units : units)
    }
}
