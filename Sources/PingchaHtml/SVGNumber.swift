/// Numbers as they are written into SVG coordinates and axis labels.
///
/// Formatting goes through integer arithmetic rather than `String(format:)` or a
/// `NumberFormatter`, so the output never depends on the locale or on how a platform prints
/// binary fractions: the same chart always gives the same bytes.
enum SVGNumber {
    /// `value` rounded to at most `decimals` places (0–4), trailing zeros dropped:
    /// 12.5 → "12.5", 12.0 → "12", 0.1 + 0.2 → "0.3", -0.001 → "0".
    static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let places = min(max(decimals, 0), 4)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        // Coordinates and axis values stay far below this; clamp rather than trap on absurd input.
        guard abs(scaled) < 9e15 else { return value < 0 ? "-9e15" : "9e15" }
        let units = Int(scaled)
        if units == 0 { return "0" }
        let magnitude = units.magnitude
        let whole = magnitude / UInt(scale)
        var fraction = magnitude % UInt(scale)
        var digits = places
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var out = units < 0 ? "-" : ""
        out += String(whole)
        if digits > 0 {
            let text = String(fraction)
            out += "." + String(repeating: "0", count: digits - text.count) + text
        }
        return out
    }

    /// Like `format`, but always with exactly `decimals` places, for tick labels whose step
    /// needs them ("0.50", "0.75" beside "1.00" would look wrong as "0.5", "0.75", "1").
    static func fixed(_ value: Double, decimals: Int) -> String {
        let places = min(max(decimals, 0), 4)
        let short = format(value, decimals: places)
        guard places > 0 else { return short }
        let present: Int
        if let dot = short.firstIndex(of: ".") {
            present = short.distance(from: short.index(after: dot), to: short.endIndex)
        } else {
            present = 0
        }
        if present == places { return short }
        return short + (present == 0 ? "." : "") + String(repeating: "0", count: places - present)
    }
}
