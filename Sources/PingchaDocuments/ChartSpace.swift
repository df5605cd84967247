/// A chart as the office formats store it natively (DrawingML `c:chartSpace`): the kind of
/// plot, the categories, the series with their figures, the value axis. DOCX and XLSX both
/// write this one value through ``ChartSpaceXML``, so that Word, WPS, LibreOffice and Excel
/// draw the chart themselves from the data instead of showing a picture of it.
///
/// Every series carries its figures (the cache that Word, WPS and LibreOffice draw from);
/// in a workbook it also names the cells they come from (the formula Excel recalculates
/// from), so that sorting or correcting the sheet changes the chart.
public struct ChartSpace: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Clustered bars; horizontal bars (`barDir="bar"`) suit long labels such as problem
        /// groups and department names, vertical ones (columns) a few short labels.
        case bars(horizontal: Bool)
        /// One line with markers per series across ordered categories (batches, years).
        case lines
    }

    /// How far a point's interval reaches below and above its value (custom error bars).
    public struct ErrorRange: Sendable, Equatable {
        public var minus: Double
        public var plus: Double

        public init(minus: Double, plus: Double) {
            self.minus = minus
            self.plus = plus
        }
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        /// The cell holding the name, as a formula (`'部门汇总'!$G$1`); nil outside workbooks.
        public var nameReference: String?
        /// One per category; nil leaves a gap.
        public var values: [Double?]
        /// The cells holding the values (`'部门汇总'!$G$2:$G$12`); nil outside workbooks.
        public var valuesReference: String?
        /// A 95 % interval per point, drawn as error bars; nil for none.
        public var errors: [ErrorRange]?
        /// Text printed at each point instead of the formatted value ("12（8.0%）"); nil
        /// prints the value in the chart's number format.
        public var labels: [String]?
        /// RGB hex without `#`; nil takes the palette's colour for the series' position.
        public var colour: String?

        public init(name: String, values: [Double?], nameReference: String? = nil, valuesReference: String? = nil,
                    errors: [ErrorRange]? = nil, labels: [String]? = nil, colour: String? = nil) {
            self.name = name
            self.values = values
            self.nameReference = nameReference
            self.valuesReference = valuesReference
            self.errors = errors
            self.labels = labels
            self.colour = colour
        }
    }

    /// Type faces and size of every text in the chart.
    public struct Font: Sendable, Equatable {
        public var latin: String
        public var eastAsia: String
        /// Points.
        public var size: Double

        public init(latin: String, eastAsia: String, size: Double) {
            self.latin = latin
            self.eastAsia = eastAsia
            self.size = size
        }

        /// Excel's Chinese default.
        public static let workbook = Font(latin: "等线", eastAsia: "等线", size: 10)
    }

    public var kind: Kind
    /// Printed at the top of the chart ("图1 各行政执法主体合格率"); nil when the document
    /// prints the caption itself (DOCX puts it under the figure, as tables have theirs).
    public var title: String?
    public var categories: [String]
    /// The cells holding the category labels; nil outside workbooks.
    public var categoriesReference: String?
    public var series: [Series]
    /// Excel number format of values and labels: `General`, `0.0`, `0.0%`.
    public var numberFormat: String
    /// The value axis's format when it differs (`0` for an axis of 70, 75, … under labels of 86.1).
    public var axisNumberFormat: String?
    /// The value axis's ends; nil lets the application choose. Rates get an axis around
    /// their figures (``axisRange(around:within:step:)``), so differences stay visible.
    public var axisMinimum: Double?
    public var axisMaximum: Double?
    /// Distance between gridlines; nil lets the application choose.
    public var majorUnit: Double?
    /// Prints each point's value (or its label) beside it.
    public var showsValues: Bool
    public var font: Font
    /// A thin frame around the chart: useful on a worksheet, not on a printed page.
    public var framed: Bool
    /// The relationship id of a workbook embedded beside the chart part that holds its figures
    /// (DOCX: Word's "编辑数据" opens it); nil in a workbook, whose cells are the data.
    public var embeddedDataRelationship: String?

    public init(kind: Kind, title: String? = nil, categories: [String], categoriesReference: String? = nil,
                series: [Series], numberFormat: String = "General", axisNumberFormat: String? = nil, axisMinimum: Double? = nil,
                axisMaximum: Double? = nil, majorUnit: Double? = nil, showsValues: Bool = true, font: Font = .workbook,
                framed: Bool = false) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.categoriesReference = categoriesReference
        self.series = series
        self.numberFormat = numberFormat
        self.axisNumberFormat = axisNumberFormat
        self.axisMinimum = axisMinimum
        self.axisMaximum = axisMaximum
        self.majorUnit = majorUnit
        self.showsValues = showsValues
        self.font = font
        self.framed = framed
    }

    /// A legend is needed only to tell several series apart.
    public var showsLegend: Bool { series.count > 1 }

    /// Axis ends a whole number of `step`s outside the figures, with at least half a step of
    /// room, kept within `limits` (0–1 for rates): pass rates of 72 %–95 % get an axis of
    /// 60 %–100 %, not 0 %–100 % with every bar the same length.
    public static func axisRange(around values: [Double], within limits: ClosedRange<Double>, step: Double) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), step > 0 else { return limits }
        var lower = ((low - step / 2) / step).rounded(.down) * step
        var upper = ((high + step / 2) / step).rounded(.up) * step
        lower = max(limits.lowerBound, min(lower, limits.upperBound - step))
        upper = min(limits.upperBound, max(upper, lower + step))
        // Rebuilt from whole steps and rounded, so that 6 × 0.1 is 0.6 (not 0.6000000000000001).
        func clean(_ v: Double) -> Double { ((v / step).rounded() * step * 1e10).rounded() / 1e10 }
        return clean(lower)...clean(upper)
    }
}
