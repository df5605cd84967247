import ArgumentParser
import PingchaModel
import PingchaRun
import PingchaSampling

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "抽取案件交人工评查：必查案件（--must）加按执法主体分层的随机抽取；同一种子在任何机器上抽出相同的案件。",
        discussion: "--must 表达式可以使用案件字段，以及评分结果：veto、score、grade、rubric、disposition、needs_review、failed_rules、failed_count。例如 --must 'veto or score < 60'。抽取方法见 docs/sampling.md。")

    @OptionGroup var store: StoreOptions
    var db: String { store.db }

    @Option(name: .long, help: ArgumentHelp("批次名称。", valueName: "NAME"))
    var batch: String

    @Option(name: .long, help: ArgumentHelp("必查条件（评查标准的表达式语言）。", valueName: "EXPR"))
    var must: String?

    @Option(name: .long, help: "每个执法主体随机抽取的件数（不含必查案件）。")
    var perDepartment: Int?

    @Option(name: .long, help: "每个执法主体随机抽取的比例（0–1）。")
    var fraction: Double?

    @Option(name: .long, help: "随机种子。")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "按自动评查发现的问题数加权抽取（问题多的案件更可能被抽中）。")
    var risk = false

    @Option(name: .long, help: ArgumentHelp("输出文件夹。默认：reports/<批次名称>/sample。", valueName: "DIR"))
    var out: String?

    func validate() throws {
        if perDepartment != nil && fraction != nil { throw ValidationError("--per-department 和 --fraction 只能选一个") }
    }

    func run() throws {
        try reporting { () throws(PingchaError) in
            let folder = out ?? "reports/\(batch)/sample"
            let plan = SamplingPlan(perDepartment: perDepartment, fraction: fraction, seed: seed, riskWeighted: risk)
            let draw = try SampleJob(databasePath: db, batchName: batch, must: must, plan: plan, outputDirectory: folder).run()
            print("抽取 \(draw.cases.count) 件（必查 \(draw.totalMustReview) 件，随机抽取 \(draw.totalDrawn) 件，共 \(draw.totalPopulation) 件中）；样本和抽取记录在 \(PathText.asFolder(folder))")
        }
    }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "把抽取的案件分配给评查人员：本单位回避、工作量均衡、每案 N 人；为每位评查人员生成空白评查表。")

    @OptionGroup var store: StoreOptions
    var db: String { store.db }

    @Option(name: .long, help: ArgumentHelp("批次名称。", valueName: "NAME"))
    var batch: String

    @Option(name: .long, help: ArgumentHelp("样本文件（pingcha sample 生成的 sample.csv）。默认：reports/<批次名称>/sample/sample.csv。", valueName: "CSV"))
    var sample: String?

    @Option(name: .long, help: ArgumentHelp("评查人员名单（CSV，列 name/姓名 和 department/单位）。", valueName: "CSV"))
    var reviewers: String

    @Option(name: .long, help: "每个案件的评查人员人数。")
    var perCase = 1

    @Option(name: .long, help: "随机种子（工作量相同时决定分配给谁）。")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("输出文件夹。默认：reports/<批次名称>/assignment。", valueName: "DIR"))
    var out: String?

    func run() throws {
        try reporting { () throws(PingchaError) in
            let folder = out ?? "reports/\(batch)/assignment"
            let job = AssignJob(databasePath: db, batchName: batch, samplePath: sample ?? "reports/\(batch)/sample/sample.csv",
                                reviewersPath: reviewers, perCase: perCase, seed: seed, outputDirectory: folder)
            let assignment = try job.run()
            print("已分配 \(assignment.cases.count) 件给 \(assignment.workloads.count) 位评查人员（每人 \(assignment.loadText) 件）；评查表在 \(PathText.asFolder(folder))")
        }
    }
}
