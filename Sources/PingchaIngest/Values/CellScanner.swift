/// Reads a cell's UTF-8 bytes one Unicode scalar at a time, with full-width forms folded.
///
/// Exports typed on Chinese input methods mix `２０２４－０３－０５`, `５，０００` and `：` into
/// otherwise ASCII text. Folding while decoding lets every parser be written once against
/// ASCII and still read those cells, without building a String per cell.
struct CellScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.position = 0
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The next folded scalar without consuming it.
    func peek() -> Unicode.Scalar? {
        var copy = self
        return copy.next()
    }

    /// The next scalar: full-width ASCII (U+FF01…U+FF5E) as ASCII, the ideographic space and
    /// the no-break space as a space. Bytes are assumed to be valid UTF-8 (cells are decoded
    /// before they get here); a truncated sequence reads as U+FFFD.
    mutating func next() -> Unicode.Scalar? {
        guard position < bytes.count else { return nil }
        let lead = bytes[position]
        if lead < 0x80 {
            position += 1
            return Unicode.Scalar(lead)
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard position + length <= bytes.count else {
            position = bytes.count
            return "\u{FFFD}"
        }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for i in 1..<length { value = value << 6 | UInt32(bytes[position + i] & 0x3F) }
        position += length
        return Unicode.Scalar(Self.fold(value)) ?? "\u{FFFD}"
    }

    /// Consumes the next scalar if it is `scalar`.
    mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
        var copy = self
        guard copy.next() == scalar else { return false }
        self = copy
        return true
    }

    /// Consumes `word` if the text continues with it, ignoring ASCII case.
    mutating func skip(word: String) -> Bool {
        var copy = self
        for expected in word.unicodeScalars {
            guard let s = copy.next(), Self.lowercased(s) == Self.lowercased(expected) else { return false }
        }
        self = copy
        return true
    }

    mutating func skipSpaces() {
        while peek() == " " || peek() == "\t" { _ = next() }
    }

    /// A run of ASCII digits as (value, digit count); nil if there is none or it is longer
    /// than `maxDigits` (which keeps the value far from overflow).
    mutating func readDigits(maxDigits: Int) -> (value: Int, count: Int)? {
        var copy = self
        var value = 0
        var count = 0
        while let d = Self.digitValue(copy.peek()) {
            guard count < maxDigits else { return nil }
            _ = copy.next()
            value = value * 10 + d
            count += 1
        }
        guard count > 0 else { return nil }
        self = copy
        return (value, count)
    }

    static func fold(_ value: UInt32) -> UInt32 {
        switch value {
        case 0xFF01...0xFF5E: return value - 0xFEE0
        case 0x3000, 0x00A0: return 0x20
        default: return value
        }
    }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar
    }

    /// 0…9 for an ASCII digit, nil for anything else.
    static func digitValue(_ scalar: Unicode.Scalar?) -> Int? {
        guard let v = scalar?.value, v >= 0x30, v <= 0x39 else { return nil }
        return Int(v - 0x30)
    }
}

extension String {
    /// Runs `body` on the string's UTF-8 bytes, so String overloads share the byte parsers.
    func withCellBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = self
        return copy.withUTF8(body)
    }
}
