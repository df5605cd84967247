import PingchaModel

/// The spellings an enum or list field accepts, each leading to its canonical value.
///
/// Built once per column, so that reading a cell is one dictionary lookup on the text as
/// written; only a miss pays for folding (full-width to half-width, ASCII lowercase) and a
/// second lookup.
struct ValueVocabulary: Sendable {
    let canonicalValues: [String]
    private var exact: [String: String] = [:]
    private var folded: [String: String] = [:]

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

    private mutating func add(_ spelling: String, meaning canonical: String) {
        let trimmed = String(CellTrimming.trim(Substring(spelling)))
        exact[trimmed] = canonical
        folded[Self.fold(trimmed)] = canonical
    }

    /// Full-width forms to half-width and ASCII lowercase, the way headers are compared.
    static func fold(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.map(HeaderKey.fold))
        return String(view)
    }
}
