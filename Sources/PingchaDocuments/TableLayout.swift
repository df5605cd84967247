/// Column widths from a table's content, the same for DOCX and HTML.
///
/// Widths are in half-em units of the table's text (a Chinese character is 2, a Latin letter or
/// digit 1, see ``displayWidth(_:)``). A column whose every line fits gets what it needs. When the
/// table is too wide for the type area:
/// - figure columns (right-aligned or centred) and case-number columns (案号, 文号: a number broken
///   over two lines is misread) keep their longest cell on one line; their headers may take two;
/// - short phrases (处理意见: six characters at most) stay whole if the long columns keep 40 % of
///   the line;
/// - the text columns (细则, 当事人, 问题 …) share the rest, half an em at a time, each step to the
///   column where it saves the most printed lines over the whole table — so a long 细则 column
///   gets the width and the rows are as short as the line allows.
public struct TableLayout: Sendable, Equatable {
    /// One per column, padding included; they add up to the `available` width asked for.
    public var widths: [Double]
    /// Columns whose cells must not wrap (figures, case numbers).
    public var noWrap: [Bool]

    /// The layout of `table` in `available` units, each column taking `padding` units beyond its
    /// text (cell margins, borders). At most `sampleRows` rows are measured (evenly spread), so a
    /// table of thousands of rows costs no more than a long one.
    public static func make(_ table: Table, available: Double, padding: Double, sampleRows: Int = 400) -> TableLayout {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return TableLayout(widths: [], noWrap: []) }
        let rows = sample(table.rows, sampleRows)
        let cells: [[Double]] = rows.map { row in (0..<columns).map { $0 < row.count ? Double(displayWidth(row[$0])) : 0 } }
        let header = (0..<columns).map { $0 < table.header.count ? Double(displayWidth(table.header[$0])) : 0 }
        let longest = (0..<columns).map { c in cells.map { $0[c] }.max() ?? 0 }
        let noWrap = (0..<columns).map { c in table.alignment(ofColumn: c) != .leading || isCaseNumberColumn(table, c) }
        // A quarter em more for what must stay on one line: Latin glyphs of the fallback fonts
        // run a little wider than half an em (ASCII brackets, narrower, make up for some of it).
        let keep = (0..<columns).map { noWrap[$0] && longest[$0] > 0 ? longest[$0] + 0.5 : longest[$0] }
        // A header on two lines: half its characters, rounded up to whole characters; one of
        // two characters (序号, 得分) stays on one line.
        let headerTwoLines = header.map { $0 <= 4 ? $0 : 2 * (($0 + 3) / 4).rounded(.down) }
        let oneLine = (0..<columns).map { max(keep[$0], header[$0]) }
        let room = available - padding * Double(columns)

        var width: [Double]
        if oneLine.reduce(0, +) <= room {
            width = oneLine
        } else {
            // Fixed columns at their content, headers wrapped; text columns from two characters
            // (or their header's two-line width) up.
            width = (0..<columns).map { c in
                noWrap[c] ? max(keep[c], headerTwoLines[c]) : min(oneLine[c], max(4, headerTwoLines[c]))
            }
            if width.reduce(0, +) > room {
                // Not even that fits: everything gives way in proportion (figures will wrap).
                let scale = room / width.reduce(0, +)
                width = width.map { $0 * scale }
            } else {
                // Short phrases (处理意见, 等次: six characters at most) stay whole when that
                // leaves the long text columns at least 40 % of the line: a wrapped 责令限期改正
                // makes no row shorter but reads badly.
                let short = (0..<columns).filter { !noWrap[$0] && oneLine[$0] <= 12 && width[$0] < oneLine[$0] }
                let whole = width.enumerated().map { short.contains($0.offset) ? oneLine[$0.offset] : $0.element }
                let longColumns = (0..<columns).filter { !noWrap[$0] && !short.contains($0) }
                let fixed = (0..<columns).filter { !longColumns.contains($0) }.reduce(0) { $0 + whole[$1] }
                if !short.isEmpty, room - fixed >= 0.4 * room || longColumns.isEmpty, whole.reduce(0, +) <= room {
                    width = whole
                }
                width = share(room - width.reduce(0, +), from: width, upTo: oneLine,
                              among: (0..<columns).filter { !noWrap[$0] }, cells: cells, header: header)
            }
        }
        // Room left over goes to every column in proportion, so the table spans the type area.
        let total = width.reduce(0, +)
        if total < room {
            width = total > 0 ? width.map { $0 + ($0 / total) * (room - total) } : width.map { _ in room / Double(columns) }
        }
        return TableLayout(widths: width.map { $0 + padding }, noWrap: noWrap)
    }

    /// Gives `left` units to the `wrapping` columns, one unit at a time, each to the column that
    /// lowers the table's height most. The height is counted in fractional lines (per row its
    /// tallest cell, at least one line): whole lines would make most single steps save nothing
    /// and leave the choice to chance.
    private static func share(_ left: Double, from start: [Double], upTo cap: [Double], among wrapping: [Int],
                              cells: [[Double]], header: [Double]) -> [Double] {
        var width = start
        var left = left
        let rows = cells + [header]
        var candidates = wrapping.filter { width[$0] < cap[$0] }
        while left > 0.0001, !candidates.isEmpty {
            // Per row the tallest cell, its column and the tallest of the others.
            var tallest = [(height: Double, column: Int, second: Double)]()
            tallest.reserveCapacity(rows.count)
            for row in rows {
                var best = 0.0, column = -1, second = 0.0
                for (i, text) in row.enumerated() {
                    let h = text / max(width[i], 1)
                    if h > best { second = best; best = h; column = i } else if h > second { second = h }
                }
                tallest.append((best, column, second))
            }
            var chosen: (column: Int, saved: Double)?
            for c in candidates {
                let step = min(1, left, cap[c] - width[c])
                var saved = 0.0
                for (r, row) in rows.enumerated() {
                    let t = tallest[r]
                    let others = t.column == c ? t.second : t.height
                    saved += max(1, t.height) - max(1, others, row[c] / (width[c] + step))
                }
                if chosen == nil || saved > chosen!.saved + 1e-9 { chosen = (c, saved) }
            }
            guard let c = chosen?.column else { break }
            let step = min(1, left, cap[c] - width[c])
            width[c] += step
            left -= step
            candidates = candidates.filter { width[$0] < cap[$0] - 0.0001 }
        }
        return width
    }

    /// A column of case numbers (案号, 文号, 编号), named so by its header or shaped so in most of its
    /// cells: "克市监罚〔2025〕5号", "克公(治)行罚决字（2025）12号".
    static func isCaseNumberColumn(_ table: Table, _ column: Int) -> Bool {
        if column < table.header.count, ["案号", "文号", "编号", "字号"].contains(where: { table.header[column].contains($0) }) {
            return true
        }
        let values = table.rows.prefix(200).compactMap { column < $0.count && !$0[column].isEmpty ? $0[column] : nil }
        guard !values.isEmpty else { return false }
        return values.filter(looksLikeCaseNumber).count * 2 > values.count
    }

    /// Ends in 号 with the year in brackets: 〔2025〕, （2025）, [2025], ［2025］.
    static func looksLikeCaseNumber(_ text: String) -> Bool {
        guard text.hasSuffix("号"), text.count <= 30 else { return false }
        var previous: Character = " ", run = 0
        for ch in text {
            if ch.isASCII && ch.isNumber {
                run += 1
                if run == 4, "〔（([［【".contains(previous) { return true }
            } else {
                run = 0
                previous = ch
            }
        }
        return false
    }

    private static func sample(_ rows: [[String]], _ limit: Int) -> [[String]] {
        guard rows.count > limit, limit > 0 else { return rows }
        return (0..<limit).map { rows[$0 * rows.count / limit] }
    }

    /// Width in half-em units: a Chinese character counts 2, a Latin letter or digit 1. For the
    /// longest line when a cell holds several.
    public static func displayWidth(_ text: String) -> Int {
        var longest = 0, current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                longest = max(longest, current)
                current = 0
            } else {
                // % and capitals are nearly an em wide in the Chinese fonts.
                current += scalar.value >= 0x2E80 || scalar == "%" || ("A"..."Z").contains(scalar) ? 2 : 1
            }
        }
        return max(longest, current)
    }
}
