import Foundation
import PingchaModel

/// Writes the `--mapping` file an export needs (`pingcha inspect --suggest-mapping FILE`):
/// each header that maps to no field with the nearest catalogue fields, each required field a
/// refused file lacks with the headers closest to it, and each enum value the catalogue does
/// not know with the nearest values. A close guess is written as an entry, the other choices
/// as comments beside it; the user edits the file and passes it back with `--mapping`.
public struct MappingSuggestion {
    public let catalogue: FieldCatalogue
    /// Field id → headers to suggest as aliases, with where they were seen and the choices.
    private var aliases: [(header: String, place: String, choices: [(field: String, distance: Int)])] = []
    /// Field id → unknown value → times seen.
    private var values: [String: [String: Int]] = [:]
    private var valueOrder: [(field: String, value: String)] = []

    /// A guess this close (edits, or 1 for containment) is written as an entry, not a comment.
    static let activeDistance = 1

    public init(catalogue: FieldCatalogue) { self.catalogue = catalogue }

    public mutating func add(_ report: FileReport) {
        var mappings: [(HeaderMapping, String)] = []
        if report.sheets.isEmpty {
            if let m = report.mapping { mappings.append((m, report.path)) }
        } else {
            for s in report.sheets { if let m = s.mapping { mappings.append((m, "\(report.path) 工作表“\(s.name)”")) } }
        }
        for (mapping, place) in mappings {
            for c in mapping.unmapped where !c.header.trimmingSpaces.isEmpty && !aliases.contains(where: { $0.header == c.header }) {
                aliases.append((c.header, "\(place) 第\(c.number)列", nearestFields(to: c.header)))
            }
        }
        if case .missingRequiredColumns(_, let missing)? = report.refusal {
            for m in missing {
                for header in m.nearest where !aliases.contains(where: { $0.header == header }) {
                    var choices = nearestFields(to: header)
                    choices.removeAll { $0.field == m.field }
                    choices.insert((m.field, Self.activeDistance), at: 0)
                    aliases.append((header, report.path, Array(choices.prefix(3))))
                }
            }
        }
    }

    /// Unknown values of enum fields, from the warnings of a run.
    public mutating func add(_ warning: ValueWarning) {
        guard warning.kind == .invalidValue, let id = warning.field, let raw = warning.raw,
              catalogue[id]?.type == .enumeration else { return }
        let value = String(raw.trimmingSpaces.prefix(HeaderMapper.scoredPrefix))
        if values[id]?[value] == nil { valueOrder.append((id, value)) }
        values[id, default: [:]][value, default: 0] += 1
    }

    public var isEmpty: Bool { aliases.isEmpty && valueOrder.isEmpty }

    /// The mapping file, valid YAML as written (entries under a section may all be comments).
    public func yaml() -> String {
        var out = "# 表头别名和取值同义词的映射文件，由 pingcha inspect --suggest-mapping 生成。\n"
        out += "# 请逐项核对：保留正确的行，把“# ”开头的备选行改为正式内容，删去不对的行；\n"
        out += "# 然后用 --mapping 本文件 重新运行 inspect 或 run。\n"
        out += "aliases:\n"
        for a in aliases {
            out += "  # “\(a.header)”（\(a.place)）\n"
            for (i, c) in a.choices.enumerated() {
                let name = catalogue[c.field]?.name ?? ""
                let active = i == 0 && c.distance <= Self.activeDistance
                out += (active ? "  " : "  # ") + "\(c.field): [\(Self.quoted(a.header))]    # \(name)\n"
            }
        }
        out += "values:\n"
        var lastField = ""
        for (field, value) in valueOrder {
            guard let f = catalogue[field] else { continue }
            if field != lastField {
                out += "  \(field):    # \(f.name)\n"
                lastField = field
            }
            let count = values[field]?[value] ?? 0
            let choices = Suggestion.ranked(value, among: f.values.map(\.value), limit: 3)
            out += "    # “\(value)”出现 \(count) 次；可选值：\(f.values.map(\.value).joined(separator: "、"))\n"
            for (i, c) in choices.enumerated() {
                out += (i == 0 && c.1 <= 2 ? "    " : "    # ") + "\(Self.quoted(c.0)): [\(Self.quoted(value))]\n"
            }
        }
        return out
    }

    /// Writes ``yaml()`` to `path` whole or not at all (a temporary file renamed into place).
    public func write(to path: String) throws(PingchaError) {
        do {
            try yaml().write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .unwritable(path, detail: "映射文件草稿（\(SystemErrorText.text(of: error))）")
        }
    }

    /// The closest fields to a header, by the edit distance of its key to any spelling.
    private func nearestFields(to header: String) -> [(field: String, distance: Int)] {
        let key = HeaderKey(String(header.prefix(HeaderMapper.scoredPrefix))).key
        guard !key.isEmpty else { return [] }
        var best: [String: Int] = [:]
        for f in catalogue.fields {
            for spelling in f.headerSpellings {
                let s = HeaderKey(spelling).key
                let d = !s.isEmpty && (key.contains(s) || s.contains(key)) ? 1 : Suggestion.editDistance(key, s)
                if d < best[f.id] ?? .max { best[f.id] = d }
            }
        }
        return best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(3).map { ($0.key, $0.value) }
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
