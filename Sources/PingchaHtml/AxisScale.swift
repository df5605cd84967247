import Foundation

/// A linear mapping from data values to one SVG coordinate, with "nice" tick values
/// (steps of 1, 2, 2.5 or 5 times a power of ten) for the axis labels.
struct AxisScale {
    let minimum: Double
    let maximum: Double
    /// Pixel position of `minimum` and `maximum` (the latter may be smaller, for a y axis).
    let start: Double
    let end: Double

    /// A degenerate axis (max ≤ min, or non-finite bounds) is widened so that drawing still works.
    init(minimum: Double, maximum: Double, start: Double, end: Double) {
        let lo = minimum.isFinite ? minimum : 0
        var hi = maximum.isFinite ? maximum : lo + 1
        if hi <= lo { hi = lo + 1 }
        self.minimum = lo
        self.maximum = hi
        self.start = start
        self.end = end
    }

    /// The position of `value`, clamped to the axis so an out-of-range figure stays on the plot.
    func position(_ value: Double) -> Double {
        let v = min(max(value.isFinite ? value : minimum, minimum), maximum)
        return start + (v - minimum) / (maximum - minimum) * (end - start)
    }

    /// Between about `target` and `2 × target` intervals across the axis.
    func ticks(target: Int = 5) -> (values: [Double], decimals: Int) {
        let span = maximum - minimum
        let raw = span / Double(max(target, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let normalized = raw / magnitude
        let factor: Double = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10
        let step = factor * magnitude
        // Decimals the step needs: 0.25 → 2, 0.5 → 1, 20 → 0.
        var decimals = max(0, Int(-floor(log10(step) + 1e-9)))
        if factor == 2.5 { decimals += 1 }
        decimals = min(decimals, 4)
        let first = (minimum / step).rounded(.up)
        var values: [Double] = []
        var k = first
        while k * step <= maximum + step * 1e-9 && values.count < 50 {
            // Rebuild from the integer multiple so errors do not accumulate (0.1 + 0.2 …).
            values.append((k * step * 1e9).rounded() / 1e9)
            k += 1
        }
        return (values, decimals)
    }
}
