#if canImport(Glibc)
import Glibc
#endif

/// A text as a dictionary key by its UTF-8 bytes.
///
/// A `String` key hashes and compares the text's canonical (NFC) form, which for Chinese text
/// costs a normalisation-table lookup per character: in tables keyed by departments, citations
/// or cell texts, met a million times over, that lookup was most of the table's cost. The
/// places that use this key want the exact bytes anyway (a workbook cell, a regular expression
/// and a CSV cell all see bytes), so two spellings of one character are two keys here.
public struct UTF8Key: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The bytes' ``ByteHash`` as one word: `Hasher` then finishes one word instead of
    /// SipHashing every byte of a department's name.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ByteHash.hash(text))
    }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool { sameBytes(a.text, b.text) }

    /// The two texts are the same UTF-8 bytes. `String`'s `==` compares canonical forms, a
    /// normalisation lookup per character of Chinese text; a compiled rule comparing a field
    /// with "行政处罚" compares texts that the ingest already made canonical (the catalogue's
    /// own spelling of an allowed value), so bytes decide.
    public static func sameBytes(_ a: String, _ b: String) -> Bool {
        var b = b
        return b.withUTF8 { sameBytes(a, $0) }
    }

    /// `a`'s UTF-8 is `b`, byte for byte.
    public static func sameBytes(_ a: String, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var a = a
        return a.withUTF8 { p in p.count == b.count && (p.count == 0 || memcmp(p.baseAddress!, b.baseAddress!, p.count) == 0) }
    }
}
