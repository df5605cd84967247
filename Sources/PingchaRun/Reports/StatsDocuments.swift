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
        try addDepartmentComparison(to: book)
        for name in departmentNames {
            try sheet(name, stats.figures(for: name) ?? AnnualFigures(department: name),
                      previous.map { $0.figures(for: name) ?? AnnualFigures(department: name) })
        }
        try book.close()
    }

    /// 各部门对比: the year's main figures one department a row, with charts of the decided
    /// cases and of the three systems' rates (the rates' axis around their figures).
    private func addDepartmentComparison(to book: Workbook) throws(PingchaError) {
        let rates = "三项制度执行率"
        let sheet = try book.addSheet("各部门对比", columns: [
            Column("行政执法主体"), Column("决定案件数", .integer), Column("行政处罚决定（宗）", .integer), Column("罚没金额合计（万元）", .decimal(places: 2)),
        ] + ThreeSystem.allCases.map { Column($0.rateName, .percent(places: 1), group: rates) }, options: SheetOptions())
        let departments = departmentNames.map { stats.figures(for: $0) ?? AnnualFigures(department: $0) }
        for d in departments {
            let forfeitures = d.penalties.forfeitures
            try sheet.append([.text(d.department), .integer(d.cases), .integer(d.penalties.decisions),
                              forfeitures.overflowed ? .text("溢出") : .decimal(forfeitures.wanYuan.description)]
                             + ThreeSystem.allCases.map { d.rate($0).rate.rate.map(Cell.percent) ?? .empty })
        }
        guard !departments.isEmpty else { return }
        let labels = departments.map { $0.department ?? "" }
        try sheet.addChart(ChartSpace(kind: .bars(horizontal: true), title: "\(stats.year)年各部门决定案件数", categories: labels,
                                      series: [.init(name: "决定案件数", values: departments.map { Double($0.cases) })],
                                      axisMinimum: 0, framed: true),
                           categoryColumn: 0, valueColumns: [1])
        let series = ThreeSystem.allCases.map { system in
            ChartSpace.Series(name: system.rateName, values: departments.map { $0.rate(system).rate.rate })
        }
        let axis = ChartSpace.axisRange(around: series.flatMap { $0.values.compactMap { $0 } }, within: 0...1, step: 0.1)
        try sheet.addChart(ChartSpace(kind: .bars(horizontal: true), title: "\(stats.year)年各部门三项制度执行率", categories: labels,
                                      series: series, numberFormat: "0%", axisMinimum: axis.lowerBound, axisMaximum: axis.upperBound,
                                      showsValues: false, framed: true),
                           categoryColumn: 0, valueColumns: [4, 5, 6])
    }

    static func cells(_ value: StatisticsValue) -> [Cell] {
        switch value {
        case .count(let n): [.integer(n), .empty]
        case .amount(let wan): [wan.map(Cell.decimal) ?? .text("溢出"), .empty]
        case .rate(let met, let of): [of > 0 ? .percent(Double(met) / Double(of)) : .empty, .text("\(met)/\(of)")]
        }
    }
}
