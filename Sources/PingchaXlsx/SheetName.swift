import PingchaModel

/// Worksheet names as Excel accepts them: at most 31 characters (UTF-16 units), none of
/// `[ ] : * ? / \`, not starting or ending with an apostrophe, unique ignoring case.
enum SheetName {
    static let maxLength = 31
    /// Forbidden characters become their full-width forms, which Excel allows and which
    /// read the same in a Chinese name ("问题／统计" rather than "问题_统计").
    private static let replacements: [Character: Character] = [
        "[": "［", "]": "］", ":": "：", "*": "＊", "?": "？", "/": "／", "\\": "＼",
    ]

    static func sanitise(_ raw: String) -> String {
        var name = String(raw.map { replacements[$0] ?? $0 })
        name.unicodeScalars.removeAll { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0xFFFE || $0.value == 0xFFFF }
        while name.hasPrefix("'") { name.removeFirst() }
        name = truncated(name, to: maxLength)
        while name.hasSuffix("'") { name.removeLast() }
        if name.trimmingSpaces.isEmpty { name = "工作表" }
        // Excel reserves this name for its change-tracking sheet.
        if name.lowercased() == "history" { name += "_" }
        return name
    }

    /// `base`, or `base(2)`, `base(3)` … (the base shortened to keep within 31 characters),
    /// whichever is first not in `taken` (lower-cased names).
    static func unique(_ base: String, startingAt first: Int = 1, taken: Set<String>) -> String {
        var n = first
        while true {
            let candidate: String
            if n == 1 {
                candidate = base
            } else {
                let suffix = "(\(n))"
                candidate = truncated(base, to: maxLength - suffix.utf16.count) + suffix
            }
            if !taken.contains(candidate.lowercased()) { return candidate }
            n += 1
        }
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var out = ""
        var used = 0
        for character in text {
            let width = character.utf16.count
            if used + width > limit { break }
            out.append(character)
            used += width
        }
        return out
    }
}
