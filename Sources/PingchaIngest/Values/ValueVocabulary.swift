#if canImport(Glibc)
import Glibc
#endif
import PingchaModel

/// The spellings an enum or list field accepts, each leading to its canonical value.
///
/// Built once per column, so that reading a cell is one dictionary lookup on the text as
/// written; only a miss pays for folding (full-width to half-width, ASCII lowercase) and a
/// second lookup.
/// A class so that the per-cell switch over a column's reading borrows one reference
/// instead of copying two dictionaries and an array.
final class ValueVocabulary: @unchecked Sendable {
    let canonicalValues: [String]
    private var exact: [String: String] = [:]
    private var folded: [String: String] = [:]
    /// The exact spellings as bytes: a vocabulary has a few dozen entries at most, and
    /// comparing bytes beats hashing a Chinese String (which normalises it first).
    private var exactBytes: [(spelling: [UInt8], canonical: String)] = []

    /// Later entries win, so the order is: the catalogue's synonyms, then the export's own
    /// synonyms (that department knows what it meant), then the canonical values, which
    /// always stand for themselves.
    init(values: [AllowedValue], extraSynonyms: [String: String]) {
        canonicalValues = values.map(\.value)
        for allowed in values {
            for synonym in allowed.synonyms { add(synonym, meaning: allowed.value) }
        }
        for (synonym, canonical) in extraSynonyms.sorted(by: { $0.key < $1.key }) { add(synonym, meaning: canonical) }
        for allowed in values { add(allowed.value, meaning: allowed.value) }
    }

    var isEmpty: Bool { exact.isEmpty }

    func canonical(for spelling: String) -> String? {
        exact[spelling] ?? folded[Self.fold(spelling)]
    }

    /// The canonical value for a cell's bytes, without building a String when the cell is
    /// spelt exactly as listed (the common case).
    func canonical(forBytes cell: UnsafeBufferPointer<UInt8>) -> String? {
        for entry in exactBytes where entry.spelling.count == cell.count {
            if entry.spelling.withUnsafeBufferPointer({ memcmp($0.baseAddress!, cell.baseAddress!, cell.count) == 0 }) {
                return entry.canonical
            }
        }
        return folded[Self.fold(String(decoding: cell, as: UTF8.self))]
    }

    private func add(_ spelling: String, meaning canonical: String) {
        let trimmed = String(CellTrimming.trim(Substring(spelling)))
        if exact[trimmed] != nil { exactBytes.removeAll { $0.spelling == Array(trimmed.utf8) } }
        if !trimmed.isEmpty { exactBytes.append((Array(trimmed.utf8), canonical)) }
        exact[trimmed] = canonical
        folded[Self.fold(trimmed)] = canonical
    }

    /// Full-width forms to half-width and ASCII lowercase, the way headers are compared, and
    /// without white space: a value broken over two lines in its cell (Alt+Enter: 行政↵处罚) or
    /// spaced out (行政 处罚) is still the value.
    static func fold(_ text: String) -> String { HeaderKey.folded(text) }
}
