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

    public func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        var (x, y) = (a.text, b.text)
        return x.withUTF8 { p in
            y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
        }
    }
}
