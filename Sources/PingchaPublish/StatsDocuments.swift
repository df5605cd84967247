import Foundation
import PingchaAnalytics
import PingchaDocuments
import PingchaModel
import PingchaReports
import PingchaXlsx

/// `stats.md`, `stats.html` and `stats.xlsx` of `pingcha stats`: the wording from the
/// `stats` template, the tables from the statistics.
public struct StatsDocuments {
    let stats: AnnualStatistics
    let previous: AnnualStatistics?
    let templates: ReportTemplates
    /// 统计期间 and 数据截止日期 in words, first of the notes.
    public var periodNote: String?

    var departmentNames: [String] {
        Set(stats.departments.compactMap(\.department)).union(previous?.departments.compactMap(\.department) ?? []).sorted()
    }

    /// The tables of the staff roster and the inspection register, when given, and what the
    /// 情况说明 says of them.
    var extraTables: [BodyTable] = []
    var staffSummary: StatsFacts.Summary.Staff?
    var inspectionSummary: StatsFacts.Summary.Inspections?

    /// The tables of every body, this year's bodies and the compared year's; then those of the
    /// roster and the register.
    var bodyTables: [BodyTable] { stats.bodyTables(bodies: departmentNames) + extraTables }

    /// The figures as the report prints them.
    var facts: StatsFacts {
        let label = stats.previousLabel(previous)
        return StatsFacts(
            year: stats.year, comparedYear: previous?.year,
            notes: (periodNote.map { [$0] } ?? []) + stats.notes(previous: previous, label: label),
            summary: summary,
            total: Self.lines(stats.total, previous?.total),
            bodyTables: bodyTables.map { t in
                StatsFacts.BodyTable(title: t.title, columns: t.columns,
                                     rows: t.rows.map { ($0.body, $0.values.map(\.shortText)) },
                                     total: t.total.values.map(\.shortText), definitions: t.definitions)
            },
            departments: departmentNames.map { name in
                // A body the compared year has no case of shows — there, not 0: its export may
                // simply be missing from that batch.
                (name, Self.lines(stats.figures(for: name) ?? AnnualFigures(department: name),
                                  previous.flatMap { $0.figures(for: name) }))
            })
    }

    /// The 情况说明 from the statistics' highlights.
    var summary: StatsFacts.Summary {
        let h = stats.highlights(bodies: departmentNames, previous: previous)
        func withUnit(_ v: StatisticsValue, _ unit: String) -> String {
            if case .rate = v { return v.shortText }
            return v.text + unit
        }
        let t = stats.total
        var summary = StatsFacts.Summary(
            decisions: t.cases,
            byType: t.enforcementTypeRows.filter { $0.cases > 0 }.map { ($0.type, $0.cases) },
            penalties: t.penalties.decisions,
            forfeitures: StatisticsValue.amount(wanYuan: t.penalties.forfeitures.overflowed ? nil : t.penalties.forfeitures.wanYuan.description).text,
            changes: h.changes.map { .init(name: $0.name, current: withUnit($0.current, $0.unit), previous: withUnit($0.previous, $0.unit),
                                           difference: $0.difference) },
            unreviewed: h.unreviewed.map { .init(body: $0.body, first: $0.major, second: $0.reviewed) },
            corrected: h.corrected.map { .init(body: $0.body, first: $0.reconsideration, second: $0.litigation) },
            inactive: h.inactive,
            gaps: h.gaps.map { .init(item: $0.item, missing: $0.missing, of: $0.of) })
        summary.staff = staffSummary
        summary.inspections = inspectionSummary
        return summary
    }

    static func lines(_ current: AnnualFigures, _ earlier: AnnualFigures?) -> [StatsFacts.Line] {
        AnnualStatistics.lines(current, previous: earlier).map { line in
            switch line {
            case .section(let title): .section(title)
            case .figure(let name, let now, let before): .figure(name, current: now.text, previous: before?.text)
            }
        }
    }

    public func document(date: CivilDate) throws(PingchaError) -> OfficialDocument {
        try StatsDocument.make(facts, templates: templates, date: date)
    }

    /// One sheet for the total and one per department; figures as numbers, rates as
    /// percentages with their fraction beside.
    public func writeWorkbook(to path: String) throws(PingchaError) {
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
        try addBodyTables(to: book)
        for name in departmentNames {
            try sheet(name, stats.figures(for: name) ?? AnnualFigures(department: name), previous.flatMap { $0.figures(for: name) })
        }
        try book.close()
    }

    /// 分类统计: every table of every body in one sheet a reader can filter (表, 执法主体,
    /// 项目, 数值; the 合计 rows included, marked so), then a chart of the 复议纠错率 and
    /// 诉讼败诉率 of the bodies that had a closed case.
    private func addBodyTables(to book: Workbook) throws(PingchaError) {
        let sheet = try book.addSheet("分类统计", columns: [
            Column("表"), Column("执法主体"), Column("项目"), Column("数值"), Column("比率", .percent(places: 1)),
            Column("符合数/可判断数"),
        ], options: SheetOptions(note: "每行一个数字：可按表、执法主体或项目筛选；执法主体为“合计”的行是全部主体合计。", keyColumns: 3))
        let tables = bodyTables
        for table in tables {
            for row in table.rows + [table.total] {
                for (column, value) in zip(table.columns, row.values) {
                    var cells: [Cell] = [.text(table.title), .text(row.body), .text(column)]
                    switch value {
                    case .count(let n): cells += [.integer(n), .empty, .empty]
                    case .amount(let wan): cells += [wan.map(Cell.decimal) ?? .text("溢出"), .empty, .empty]
                    case .rate(let met, let of): cells += [.empty, of > 0 ? .percent(Double(met) / Double(of)) : .empty, .text("\(met)/\(of)")]
                    }
                    try sheet.append(cells)
                }
            }
        }
        guard let remedies = tables.first(where: { $0.title == "行政复议和行政诉讼" }),
              let corrected = remedies.columns.firstIndex(of: "复议纠错率"),
              let lost = remedies.columns.firstIndex(of: "诉讼败诉率") else { return }
        func rate(_ v: StatisticsValue) -> Double? {
            if case .rate(let met, let of) = v, of > 0 { return Double(met) / Double(of) }
            return nil
        }
        let rows = remedies.rows.filter { rate($0.values[corrected]) != nil || rate($0.values[lost]) != nil }
        guard !rows.isEmpty else { return }
        let chartSheet = try book.addSheet("复议诉讼比率", columns: [
            Column("行政执法主体"), Column("复议纠错率", .percent(places: 1)), Column("诉讼败诉率", .percent(places: 1)),
        ], options: SheetOptions())
        for row in rows {
            try chartSheet.append([.text(row.body), rate(row.values[corrected]).map(Cell.percent) ?? .empty,
                                   rate(row.values[lost]).map(Cell.percent) ?? .empty])
        }
        try chartSheet.addChart(ChartSpace(kind: .bars(horizontal: true), title: "\(stats.year)年各部门复议纠错率和诉讼败诉率",
                                           categories: rows.map(\.body),
                                           series: [.init(name: "复议纠错率", values: rows.map { rate($0.values[corrected]) }),
                                                    .init(name: "诉讼败诉率", values: rows.map { rate($0.values[lost]) })],
                                           numberFormat: "0%", axisMinimum: 0, axisMaximum: 1, showsValues: false, framed: true),
                                categoryColumn: 0, valueColumns: [1, 2])
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
