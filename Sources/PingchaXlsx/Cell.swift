import PingchaModel

/// One value in a row. Numbers, dates and percentages become numeric cells, so that users
/// can sort, filter and sum them; everything else is text.
public enum Cell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A binary floating-point value; NaN and infinities are left empty (Excel has no such numbers).
    case number(Double)
    /// Exact decimal text such as `87.5`, written as a number digit for digit (scores must
    /// read exactly as computed). Text that is not a plain decimal number is written as text.
    case decimal(String)
    case date(CivilDate)
    /// A fraction: 0.25 shows as 25.0 % (the column's places, one by default).
    case percent(Double)
    /// Written as the text 是 or 否: a real boolean shows as TRUE/FALSE even in Chinese Excel.
    case bool(Bool)
    case empty

    public static func decimal(_ value: DecimalNumber) -> Cell { .decimal(value.description) }

    /// Text, or an empty cell for nil.
    public static func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }
}

extension Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
}

/// How a column's numbers are displayed; a cell's own case decides whether it is a number.
public enum ColumnKind: Sendable, Equatable {
    case text
    case integer
    case decimal(places: Int)
    case percent(places: Int)
    case date
}

public struct Column: Sendable, Equatable {
    public var title: String
    public var kind: ColumnKind
    /// Width in Excel's units (widths of the digit 0); nil fits the column to what is written.
    public var width: Double?
    /// The column's texts repeat (departments, grades, rule titles): each distinct text is
    /// written once, in the workbook's shared strings, and cells refer to it — a million-row
    /// sheet shrinks by half. Texts of other columns are written in the cell.
    public var repeats: Bool
    /// Long text (legal bases, the data a rule read, a raw row): the column is at most
    /// `width` (default ``Column/wrapWidth``) wide and its text wraps onto more lines, the
    /// row made tall enough, instead of one line running off the printed page.
    public var wraps: Bool
    /// The upper header over this column (a batch over its measures): neighbouring columns
    /// with the same group share one merged cell above their own titles. Columns without a
    /// group have their title over both header rows.
    public var group: String?
    /// The user fills this column in (a reviewer's 结论, 扣分, 备注): its cells are unlocked
    /// when the sheet is protected, and shaded so that they are seen to be the ones to fill.
    /// Every row writes the cell, empty or not, so that it carries the unlocked style.
    public var editable: Bool

    /// Width a wrapping column takes when none is given: about 20 Chinese characters.
    public static let wrapWidth = 42.0

    public init(_ title: String, _ kind: ColumnKind = .text, width: Double? = nil, repeats: Bool = false,
                group: String? = nil, wraps: Bool = false, editable: Bool = false) {
        self.title = title
        self.editable = editable
        self.kind = kind
        self.width = width
        self.repeats = repeats
        self.wraps = wraps
        self.group = group
    }
}

/// What a worksheet has besides its columns and rows.
public struct SheetOptions: Sendable, Equatable {
    /// A line over the header, across the columns, in dark red: what the reader must know
    /// before using the sheet ("本表含个人信息……"). Printed on every page with the header.
    public var note: String?
    /// Columns printed again at the left of every page when the sheet is too wide to print
    /// on one page width (the case number and department, so each page says whose row it is).
    public var keyColumns: Int
    /// Sheet protection (工作表保护) without a password: only ``Column/editable`` cells take
    /// input, so that keys are not overwritten by accident; filtering still works. Without a
    /// password an office can lift it (审阅 → 撤消工作表保护) where it needs to.
    public var protected: Bool
    /// Printed fitted to one page width whatever its width (landscape when it is wider than a
    /// portrait page), for a sheet read on paper a whole row at a time — a case's facts beside
    /// its findings — where a row continued on another page cannot be followed. Otherwise a
    /// sheet that would shrink below three quarters prints at full size over several pages.
    public var fitsPageWidth: Bool

    public init(note: String? = nil, keyColumns: Int = 1, protected: Bool = false, fitsPageWidth: Bool = false) {
        self.note = note
        self.keyColumns = keyColumns
        self.protected = protected
        self.fitsPageWidth = fitsPageWidth
    }
}
