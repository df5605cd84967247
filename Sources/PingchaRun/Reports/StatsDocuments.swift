import Foundation
import PingchaAnalytics
import PingchaDocuments
import PingchaModel
import PingchaReports
import PingchaXlsx

/// `stats.md`, `stats.html` and `stats.xlsx` of `pingcha stats`: the wording from the
/// `stats` template, the tables from the statistics.
struct StatsDocuments {
    let stats: AnnualStatistics
    let previous: AnnualStatistics?
    let templates: ReportTemplates

    var departmentNames: [String] {
        Set(stats.departments.compactMap(\.department)).union(previous?.departments.compactMap(\.department) ?? []).sorted()
    }

    func document(date: CivilDate) throws(PingchaError) -> OfficialDocument {
        let label = stats.previousLabel(previous)
        let departments = departmentNames.enumerated().map { item -> [String: Any] in
            let current = stats.figures(for: item.element) ?? AnnualFigures(department: item.element)
            let earlier = previous.map { $0.figures(for: item.element) ?? AnnualFigures(department: item.element) }
            return ["numeral": Figures.chineseNumeral(item.offset + 1), "name": item.element, "tableNumber": String(item.offset + 2),
                    "table": AnnualStatistics.table(current, previous: earlier, label: label).joined(separator: "\n")]
        }
        let view: [String: Any] = [
            "organisation": templates.settings.organisation,
            "dateText": date.chineseText,
            "year": String(stats.year),
            "notes": stats.notes(previous: previous, label: label),
            "totalTable": AnnualStatistics.table(stats.total, previous: previous?.total, label: label).joined(separator: "\n"),
            "hasDepartments": !departments.isEmpty,
            "departments": departments,
        ]
        return try templates.document("stats", view)
    }

    /// One sheet for the total and one per department; figures as numbers, rates as
    /// percentages with their fraction beside.
    func writeWorkbook(to path: String) throws(PingchaError) {
        let book = try Workbook(path: path, title: "\(stats.year)年度行政执法统计")
        let thisYear = "\(stats.year)年"
        let lastYear = previous.map { "\($0.year)年" }
        func sheet(_ name: String, _ current: AnnualFigures, _ earlier: AnnualFigures?) throws(PingchaError) {
            // General format: counts show as whole numbers, amounts (万元) with their two decimals;
            // rates carry a percentage style of their own.
            var columns = [Column("项目"), Column(thisYear), Column("\(thisYear)（符合数/可判断数）")]
            if let lastYear { columns += [Column(lastYear), Column("\(lastYear)（符合数/可判断数）")] }
            let sheet = try book.addSheet(name, columns: columns)
            for line in AnnualStatistics.lines(current, previous: earlier) {
                switch line {
                case .section(let title):
                    try sheet.append([.text(title)])
                case .figure(let name, let now, let before):
                    var row: [Cell] = [.text("　" + name)] + Self.cells(now)
                    if lastYear != nil { row += before.map(Self.cells) ?? [.empty, .empty] }
                    try sheet.append(row)
                }
            }
        }
        try sheet("合计", stats.total, previous?.total)
        for name in departmentNames {
            try sheet(name, stats.figures(for: name) ?? AnnualFigures(department: name),
                      previous.map { $0.figures(for: name) ?? AnnualFigures(department: name) })
        }
        try book.close()
    }

    static func cells(_ value: StatisticsValue) -> [Cell] {
        switch value {
        case .count(let n): [.integer(n), .empty]
        case .amount(let wan): [wan.map(Cell.decimal) ?? .text("溢出"), .empty]
        case .rate(let met, let of): [of > 0 ? .percent(Double(met) / Double(of)) : .empty, .text("\(met)/\(of)")]
        }
    }
}
