import ArgumentParser
import PingchaModel
import PingchaPublish
import PingchaRubric
import PingchaRun

/// `pingcha followup`: the rectification cycle after a bulletin (《克拉玛依市行政执法监督办法》
/// 第二十九条至第三十一条).
struct FollowupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "整改跟踪（《克拉玛依市行政执法监督办法》第二十九条至第三十一条）：登记各执法主体的答复和整改情况、复查申请与决定，查看期限和预警，制发监督通知书、意见书、决定书。",
        discussion: "整改台账由批次的评查结果建立（整改通知书所列的、有处理方式的每个不符合项），第一次登记时自动建立。"
            + "期限取自 rubrics/followup/periods.yaml，按工作日历计算。",
        subcommands: [Record.self, Status.self, Issue.self]
    )

    /// `--db`, `--batch`, `--periods`, `--calendar`: shared by the subcommands.
    struct Common: ParsableArguments {
        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: ArgumentHelp("批次名称。默认：最近一次运行的批次。", valueName: "NAME"))
        var batch: String?

        @Option(name: .long, help: ArgumentHelp("整改期限文件。默认：rubrics/followup/periods.yaml。", valueName: "FILE"))
        var periods: String = FollowupPeriods.defaultPath

        @Option(name: .long, help: ArgumentHelp("工作日日历文件。默认：内置的 data/calendar/calendar.yaml。", valueName: "FILE"))
        var calendar: String?
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记整改回复登记表（CSV 或 .xlsx/.xls）：执法主体、案件编号、细则、事项、文书、日期、文号、备注。",
            discussion: "事项：\(FollowupEvent.spellings)。任何一行有错误时整个文件都不登记；同一文件再次登记时不会重复登记。")

        @OptionGroup var common: Common

        @Option(name: .long, help: ArgumentHelp("整改回复登记表。", valueName: "FILE"))
        var file: String

        func run() throws {
            try reporting { () throws(PingchaError) in
                var job = FollowupRecordJob(databasePath: common.store.db, batchName: common.batch, file: file)
                job.periodsPath = common.periods
                job.calendarPath = common.calendar
                let o = try job.run()
                for w in o.warnings { printError("提示：" + w) }
                if let notice = o.calendarNotice { printError(notice) }
                if let earlier = o.earlier {
                    print("\(file) 已于 \(earlier.at) 登记过（文件内容相同，SHA-256 \(earlier.sha256?.prefix(12) ?? "")…），本次未重复登记")
                    return
                }
                if o.registerOpened { print("已建立批次“\(o.batch)”的整改台账") }
                print("已登记 \(o.recorded) 行，涉及 \(o.items) 个整改事项"
                      + (o.duplicates > 0 ? "；\(o.duplicates) 行与已登记的相同，未重复登记" : ""))
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "各执法主体、各整改事项的阶段、期限届满日和预警（黄：3个工作日内届满；红：已逾期），以及第三十八条第（八）项名单；写出 followup.xlsx 和 followup.html。",
            discussion: "--as-of 给出过去的日期时，只计该日及以前日期的登记事项，结果与当日相同。")

        @OptionGroup var common: Common

        @OptionGroup var reportOptions: ReportOptions

        @Option(name: .customLong("as-of"), help: ArgumentHelp("查看哪一天的情况（YYYY-MM-DD）。默认：今天。", valueName: "DATE"))
        var asOf: String?

        @Option(name: .long, help: ArgumentHelp("输出文件夹。默认：reports/followup-<批次>/status。", valueName: "DIR"))
        var out: String?

        /// Items warned of, printed before pointing to the workbook for the rest.
        static let printedItems = 50

        func run() throws {
            try reporting { () throws(PingchaError) in
                var day: CivilDate?
                if let asOf {
                    guard let d = CivilDate(iso: asOf) else { throw .invalidOption("--as-of 应为 YYYY-MM-DD 形式的日期，不是“\(asOf)”") }
                    day = d
                }
                var job = FollowupStatusJob(databasePath: common.store.db, batchName: common.batch, asOf: day, outputDirectory: out)
                job.periodsPath = common.periods
                job.calendarPath = common.calendar
                job.request = reportOptions.request
                let r = try job.run()
                let s = r.status
                print("整改跟踪：批次“\(s.batch)”，截至 \(s.asOf)（期限 \(s.periodsVersion)）")
                print(["执法主体", "案卷", "事项", "期限进行中", "黄", "红", "第三十八条第（八）项"].joined(separator: "\t"))
                for d in s.departments {
                    print([d.department, "\(d.cases)", "\(d.items)", "\(d.open)", "\(d.yellow)", "\(d.red)", "\(d.article38)"].joined(separator: "\t"))
                }
                let warned = s.rows.filter { $0.level != .none }.sorted { ($0.level == .red ? 0 : 1, $0.item.itemNo) < ($1.level == .red ? 0 : 1, $1.item.itemNo) }
                let red = warned.filter { $0.level == .red }.count
                if !warned.isEmpty { print("预警事项（红 \(red)，黄 \(warned.count - red)）：") }
                for w in warned.prefix(Self.printedItems) {
                    let label = r.labels[w.item.rubricId + "/" + w.item.ruleId] ?? w.item.ruleId
                    print([w.level.rawValue + (w.article38 ? "（第三十八条第（八）项）" : ""), w.item.department, w.item.caseId, label,
                           w.state.stage.chineseName, "期限 \(w.state.due!)"].joined(separator: "\t"))
                }
                if warned.count > Self.printedItems { print("……另有 \(warned.count - Self.printedItems) 项，见 followup.xlsx") }
                print("已写入 \(PathText.asFolder(r.outputDirectory))（followup.xlsx、followup.html）")
                if let notice = r.calendarNotice { printError(notice) }
            }
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "为事项到了该阶段的每个执法主体制发《行政执法监督通知书》（notice）、《意见书》（opinion）或《决定书》（decision），DOCX 和 Markdown，并记入整改台账。",
            discussion: "通知书：尚未送达任何文书的事项；意见书：已答复、部分整改、未整改或逾期未答复的事项；决定书：意见书期限已过或意见书后部分整改、未整改的事项。"
                + "--doc-number 可给第一个顺序号（如 5，各单位依次编号）或发文字号格式（含 {year}、{number}）；不给时文号留空待填。"
                + "期限自收到之日起计算，文书按成文日期（--date）写明届满日。")

        @OptionGroup var common: Common
        @OptionGroup var reportOptions: ReportOptions
        @OptionGroup var issuing: IssuingOptions

        @Option(name: .long, help: ArgumentHelp("文书种类：notice（通知书）、opinion（意见书）、decision（决定书）。", valueName: "STAGE"))
        var stage: String

        @Option(name: .long, help: ArgumentHelp("输出文件夹。默认：reports/followup-<批次>/<stage>。", valueName: "DIR"))
        var out: String?

        func validate() throws {
            guard FollowupDocumentKind(rawValue: stage) != nil else {
                throw ValidationError("--stage 应为 notice、opinion 或 decision，而不是“\(stage)”")
            }
        }

        func run() throws {
            try reporting { () throws(PingchaError) in
                let kind = FollowupDocumentKind(rawValue: stage)!
                var job = FollowupIssueJob(databasePath: common.store.db, batchName: common.batch, kind: kind,
                                           request: reportOptions.request(issuing: issuing), outputDirectory: out)
                job.periodsPath = common.periods
                job.calendarPath = common.calendar
                let o = try job.run()
                if !o.alreadyIssued.isEmpty {
                    printError("提示：\(o.alreadyIssued.joined(separator: "、")) 已制发过《\(kind.chineseName)》，本次未再制发")
                }
                guard !o.documents.isEmpty else {
                    print("没有事项到了制发《\(kind.chineseName)》的阶段，未制发任何文书")
                    return
                }
                print("已制发《\(kind.chineseName)》\(o.documents.count) 份，涉及 \(o.items) 个整改事项，写入 \(PathText.asFolder(o.outputDirectory))")
                for d in o.documents { print("\(d.department)\t\(d.number)\t\(d.issuedOn)") }
            }
        }
    }
}
