import Foundation

/// A rejected row as an internal sheet may show it once personal data is to be masked
/// (`--mask-all`). The row was refused before its columns were read, so which field holds
/// the party is not known: every field that looks like a natural person's name is masked
/// as the bulletin masks an unspecified party (surname + 某), minority names with a middle
/// dot included, places (…区, …县) excepted; then ID and phone numbers, e-mail addresses and
/// house numbers wherever they are. It errs towards masking: the source file and line
/// beside it lead to the row as exported.
public enum RejectRowMask {
    public static func masked(_ raw: String) -> String {
        var out = ""
        var field = ""
        var quoted = false
        func flush() {
            out += maskedField(field)
            field = ""
        }
        for c in raw {
            if c == "\"" { quoted.toggle() }
            if c == "," && !quoted {
                flush()
                out.append(c)
            } else {
                field.append(c)
            }
        }
        flush()
        return PersonalDataMask.maskIdentifiers(out)
    }

    /// Suffixes of place names, which are short Chinese words like names are.
    private static let places: Set<Character> = ["区", "县", "市", "镇", "乡", "村", "路", "街", "州", "旗"]

    private static func maskedField(_ field: String) -> String {
        let quotes = field.hasPrefix("\"") && field.hasSuffix("\"") && field.count >= 2
        let inner = quotes ? String(field.dropFirst().dropLast()) : field
        let name = inner.trimmingCharacters(in: .whitespaces)
        guard let last = name.last, !places.contains(last) else { return field }
        var masked = NameMask.publishedName(name, partyType: nil)
        let parts = name.split(separator: "·", omittingEmptySubsequences: false)
        if masked == name, parts.count > 1, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isChineseIdeograph) }) {
            masked = NameMask.masked(String(parts[0]))
        }
        guard masked != name else { return field }
        return quotes ? "\"" + masked + "\"" : masked
    }
}

private extension Character {
    var isChineseIdeograph: Bool {
        guard let v = unicodeScalars.first?.value, unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
    }
}
