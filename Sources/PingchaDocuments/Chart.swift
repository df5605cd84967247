/// The figures behind a chart, independent of how it is drawn.
public enum Chart: Sendable, Equatable {
    /// Bars with a value each: grade distribution, points lost by category.
    case bars(BarChart)
    /// A value with its 95 % interval per item: department mean scores or pass rates.
    case intervals(IntervalChart)
    /// One line per series across ordered points: a department's score across batches.
    case trend(TrendChart)

    public var title: String {
        switch self {
        case .bars(let c): c.title
        case .intervals(let c): c.title
        case .trend(let c): c.title
        }
    }
}

public struct BarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// Printed at the end of the bar, e.g. "12（8.0%）".
        public var caption: String

        public init(label: String, value: Double, caption: String) {
            self.label = label
            self.value = value
            self.caption = caption
        }
    }

    public var title: String
    public var bars: [Bar]

    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }
}

public struct IntervalChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var label: String
        public var value: Double
        public var low: Double
        public var high: Double
        /// Printed beside the point, e.g. "86.1".
        public var caption: String

        public init(label: String, value: Double, low: Double, high: Double, caption: String) {
            self.label = label
            self.value = value
            self.low = low
            self.high = high
            self.caption = caption
        }
    }

    public var title: String
    public var points: [Point]
    /// The axis runs from `axisMinimum` to `axisMaximum` (e.g. 0–100 for scores, 0–1 for rates).
    public var axisMinimum: Double
    public var axisMaximum: Double
    /// A vertical reference line, e.g. the overall mean.
    public var reference: Double?
    /// What the reference line is, as printed beside it (全部案卷平均 93.0); the bare value when nil.
    public var referenceLabel: String?

    public init(title: String, points: [Point], axisMinimum: Double, axisMaximum: Double, reference: Double? = nil,
                referenceLabel: String? = nil) {
        self.title = title
        self.points = points
        self.axisMinimum = axisMinimum
        self.axisMaximum = axisMaximum
        self.reference = reference
        self.referenceLabel = referenceLabel
    }
}

public struct TrendChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var label: String
        /// One per entry of `TrendChart.points`; nil where the series has no figure.
        public var values: [Double?]

        public init(label: String, values: [Double?]) {
            self.label = label
            self.values = values
        }
    }

    public var title: String
    /// The ordered points of the horizontal axis, e.g. batch names.
    public var points: [String]
    public var series: [Series]
    public var axisMinimum: Double
    public var axisMaximum: Double

    public init(title: String, points: [String], series: [Series], axisMinimum: Double, axisMaximum: Double) {
        self.title = title
        self.points = points
        self.series = series
        self.axisMinimum = axisMinimum
        self.axisMaximum = axisMaximum
    }
}
