import PingchaCalendar
import PingchaDocuments
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore
import PingchaXlsx

/// `followup status`'s documents: the register of a batch on a day (``FollowupStatus``), as
/// `followup.xlsx` (``FollowupWorkbook``) and as `followup.html` (``FollowupStatusHTML``). A
/// batch whose register was never opened shows the items it would hold, all 已登记.
public struct FollowupStatusDocuments {
    public let status: FollowupStatus
    /// Rule labels (“处罚（普通）PRO-10 …”) by `rubric/rule`.
    public let labels: [String: String]
    let events: [FollowupRegister.Event]

    public static func read(_ s: StoreSession, batch name: String, asOf day: CivilDate, periods: FollowupPeriods,
                            calendar: WorkingDayCalendar) throws -> FollowupStatusDocuments {
        let register = FollowupRegister(batch: name)
        let batch = try? StoredBatch.named(name, in: s)
        var items = try register.items(s)
        if items.isEmpty, try !register.isOpen(s) {
            // No batch of that name: the store's error, naming the batches it has.
            items = try (batch ?? StoredBatch.named(name, in: s)).rectificationItems(s)
        }
        let labels = try batch?.ruleLabels(s, of: items) ?? [:]
        let events = try register.events(s)
        let status = FollowupStatus.compute(batch: name, items: items, events: events, asOf: day, periods: periods, calendar: calendar)
        return FollowupStatusDocuments(status: status, labels: labels, events: events)
    }

    public func writeWorkbook(to path: String, calendar: WorkingDayCalendar) throws(PingchaError) {
        try FollowupWorkbook(status: status, labels: labels, calendar: calendar).write(to: path)
    }

    public func document(periods: FollowupPeriods, templates: ReportTemplates) throws(PingchaError) -> OfficialDocument {
        try FollowupStatusHTML(status: status, events: events, periods: periods, templates: templates).document()
    }
}

/// `followup.xlsx`: the register, the overdue list and the departments' summary.
struct FollowupWorkbook {
    let status: FollowupStatus
    let labels: [String: String]
    let calendar: WorkingDayCalendar

    func write(to path: String) throws(PingchaError) {
        let book = try Workbook(path: path, title: "整改跟踪（截至 \(status.asOf)）")
        let note = "批次“\(status.batch)”，截至 \(status.asOf)；期限依 rubrics/followup/periods.yaml（\(status.periodsVersion)）按工作日历计算"
        let register = try book.addSheet("整改台账", columns: [
            Column("序号", .integer), Column("执法主体", repeats: true), Column("案件编号"), Column("问题", wraps: true),
            Column("处理方式", repeats: true), Column("阶段", repeats: true), Column("进行中的期限", wraps: true), Column("期限届满", .date),
            Column("预警", repeats: true), Column("第三十八条第（八）项", repeats: true), Column("通知书送达", .date), Column("意见书送达", .date),
            Column("申请复查", .date), Column("决定书送达", .date), Column("最近登记", .date), Column("备注", wraps: true),
        ], options: SheetOptions(note: note, keyColumns: 3))
        for r in status.rows {
            try register.append(cells(r) + [.text(r.article38 ? "是" : nil), date(r.state.noticeServed), date(r.state.opinionServed),
                                             date(r.state.reexamApplied), date(r.state.decisionServed), date(r.state.lastDate),
                                             .text(r.state.lastNote)])
        }
        let overdue = try book.addSheet("逾期清单", columns: [
            Column("序号", .integer), Column("执法主体", repeats: true), Column("案件编号"), Column("问题", wraps: true),
            Column("处理方式", repeats: true), Column("阶段", repeats: true), Column("进行中的期限", wraps: true), Column("期限届满", .date),
            Column("预警", repeats: true), Column("逾期工作日", .integer), Column("第三十八条第（八）项", repeats: true),
        ], options: SheetOptions(note: note + "；逾期而未登记理由的意见书、决定书事项列入第三十八条第（八）项", keyColumns: 3))
        for r in status.rows where r.level == .red {
            try overdue.append(cells(r) + [.integer(calendar.workdays(r.state.due!, status.asOf)), .text(r.article38 ? "是" : "否")])
        }
        let summary = try book.addSheet("部门汇总", columns: [
            Column("执法主体"), Column("案卷", .integer), Column("事项", .integer), Column("期限进行中", .integer),
            Column("黄", .integer), Column("红", .integer), Column("第三十八条第（八）项", .integer),
        ] + FollowupStage.allCases.map { Column($0.chineseName, .integer) }, options: SheetOptions(note: note))
        for d in status.departments {
            try summary.append([.text(d.department), .integer(d.cases), .integer(d.items), .integer(d.open), .integer(d.yellow),
                                .integer(d.red), .integer(d.article38)] + FollowupStage.allCases.map { .integer(d.stages[$0] ?? 0) })
        }
        try book.close()
    }

    func date(_ d: CivilDate?) -> Cell { d.map(Cell.date) ?? .empty }

    func cells(_ r: FollowupStatus.Row) -> [Cell] {
        [.integer(r.item.itemNo), .text(r.item.department), .text(r.item.caseId),
         .text(labels[r.item.rubricId + "/" + r.item.ruleId] ?? r.item.ruleId), .text(r.item.disposition.chineseName),
         .text(r.state.stage.chineseName), .text(r.period), date(r.state.due), .text(r.level == .none ? nil : r.level.rawValue)]
    }
}
