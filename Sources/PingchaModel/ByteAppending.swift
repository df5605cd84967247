// Inlinable: the workbook and the JSON lines call them for every cell and key, from other
// modules, and a call costs as much as copying a few bytes.
extension Array where Element == UInt8 {
    /// Appends a literal's bytes. A literal passed as `String` is appended through its generic
    /// UTF-8 view, about a hundred and fifty instructions for a few bytes; the JSON lines of
    /// `score` append a dozen literals per finding.
    @inlinable
    public mutating func appendLiteral(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a string's UTF-8 bytes in one copy (native strings keep them contiguous).
    @inlinable
    public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
