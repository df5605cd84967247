/// Cells merged down several rows below the header, filled in as the user sees them: the
/// range's first value in each of its rows (执法主体 typed once for three cases, 是否公示 once
/// for a block). A worksheet stores the value in the first cell only and leaves the others
/// empty, so three cases read as one with a department and two without (rejected), and a
/// merged 是 became missing for the rows under it.
///
/// Only the range's first column is filled: a block merged across columns shows one value,
/// which belongs to the column it was typed in. Ranges past the header's last column are left
/// alone. Rows arrive in sheet order, so the ranges are walked once.
struct MergedFill {
    private let ranges: [SheetMerges.Range]
    private var next = 0
    /// Ranges that have begun and not ended, with the value of their first row.
    private var active: [(range: SheetMerges.Range, value: [UInt8]?)] = []

    init(_ ranges: [SheetMerges.Range], columns: Int) {
        self.ranges = ranges.filter { $0.columns.lowerBound <= columns }.sorted { $0.rows.lowerBound < $1.rows.lowerBound }
    }

    var isEmpty: Bool { ranges.isEmpty }

    /// The fields of `record` to fill, as (0-based field, bytes); remembers the first row's value.
    mutating func fills(for record: RecordView) -> [(field: Int, bytes: [UInt8])] {
        let line = record.startLine
        while next < ranges.count && ranges[next].rows.lowerBound <= line {
            active.append((ranges[next], nil))
            next += 1
        }
        active.removeAll { $0.range.rows.upperBound < line }
        var out: [(field: Int, bytes: [UInt8])] = []
        for k in active.indices where active[k].range.rows.contains(line) {
            let field = active[k].range.columns.lowerBound - 1
            let cell = record.fieldOrEmpty(field)
            if line == active[k].range.rows.lowerBound {
                if !CellTrimming.trim(cell).isEmpty { active[k].value = Array(cell) }
            } else if let value = active[k].value, CellTrimming.trim(cell).isEmpty {
                out.append((field, value))
            }
        }
        return out
    }
}
