import PingchaModel

/// What ingestion made of one input file. `rows == accepted + rejected + skippedRows` always holds.
public struct FileReport: Sendable {
    public var path: String
    public var encoding: TextEncoding?
    /// SHA-256 of the file's bytes (nil when the file was refused before it was read through).
    public var sha256: String?
    public var mapping: HeaderMapping?
    /// The line (row) the header was found on, for a text export.
    public var headerLine: Int?
    /// Data records read (the header and blank lines are not records).
    public var rows = 0
    public var accepted = 0
    public var rejected = 0
    /// Lines or rows with no content at all, skipped.
    public var blankRows = 0
    /// Totals and notes rows (合计, 填报说明, 制表人 …), counted in `rows`, not taken for cases.
    public var skippedRows = 0
    public var warnings = 0
    /// Warnings by field id (`""` for file-level ones such as encoding damage).
    public var warningsByField: [String: Int] = [:]
    /// Set when the whole file was refused (no header, required columns missing, unreadable).
    public var refusal: PingchaError?
    /// For a workbook: every sheet looked at, read or skipped, in tab order.
    public var sheets: [SheetReport] = []

    public init(path: String) { self.path = path }

    public var isBalanced: Bool { rows == accepted + rejected + skippedRows }
}

/// What ingestion made of one worksheet of a workbook.
public struct SheetReport: Sendable {
    public var name: String
    /// The header mapping of a sheet that was read; nil for a skipped one.
    public var mapping: HeaderMapping?
    /// The row the header was found on.
    public var headerRow: Int?
    /// Why the sheet was not read (no header, required columns missing).
    public var skipReason: String?
    public var rows = 0
    public var accepted = 0
    public var rejected = 0
    public var skippedRows = 0

    /// Hidden from the workbook's tabs.
    public var hidden = false
    public init(name: String) { self.name = name }

    public var wasRead: Bool { skipReason == nil }
}
