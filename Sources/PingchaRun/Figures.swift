import Foundation

/// How the Markdown reports print figures: one decimal, percentages with one decimal, "—"
/// where there is no figure.
enum Figures {
    /// `98.3`; a value that rounds to zero prints `0.0`, never `-0.0`.
    static func oneDecimal(_ v: Double?) -> String {
        v.map { String(format: "%.1f", abs($0) < 0.05 ? 0 : $0) } ?? "—"
    }

    /// A rate as `87.3%`.
    static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
}
