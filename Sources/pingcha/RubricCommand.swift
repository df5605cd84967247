import ArgumentParser
import PingchaFixtures
import PingchaModel
import PingchaRubric
import PingchaRun
import PingchaScoring
import PingchaCalendar
import PingchaCatalogue

struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "检查、查看和测试评查标准。",
        subcommands: [Check.self, Show.self, Test.self]
    )

    struct Common: ParsableArguments {
        @Argument(help: ArgumentHelp("评查标准文件或文件夹。", valueName: "FILE|DIR"))
        var paths: [String] = ["rubrics"]

        @Option(name: .long, help: ArgumentHelp("字段目录文件。默认：内置的 rubrics/fields.yaml。", valueName: "FILE"))
        var fields: String?

        @Option(name: .long, help: ArgumentHelp("工作日日历文件。", valueName: "FILE"))
        var calendar: String?

        func load() throws(PingchaError) -> (FieldCatalogue, WorkingDayCalendar, RubricSet) {
            let catalogue = try FieldCatalogueLoader.load(optionalPath: fields)
            let cal = try WorkingDayCalendar.load(optionalPath: calendar)
            return (catalogue, cal, try loadRubrics(paths, catalogue: catalogue, calendar: cal))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "按字段目录检查评查标准；错误以“文件:行:列: 说明”列出，有错误时退出码为 1。")
        @OptionGroup var common: Common

        func run() throws {
            try reporting { () throws(PingchaError) in
                let (_, _, set) = try common.load()
                for r in set.rubrics {
                    print("\(r.path): \(r.id)（\(r.version)）\(r.title)：\(r.categories.count) 个类别，\(r.rules.count) 条细则，满分 \(r.total)")
                }
                for p in set.profiles {
                    print("\(p.path): 适用配置 \(p.id)（\(p.title)）：\(p.departments.count) 个部门名称，\(p.params.count) 个参数，停用 \(p.disabled.count) 条细则")
                }
                print("检查通过：\(set.rubrics.count) 个评查标准" + (set.profiles.isEmpty ? "" : "、\(set.profiles.count) 个适用配置") + "，没有错误。")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "显示评查标准：以表格列出类别、细则、分值和依据，或生成 Markdown 格式的评查标准参考（rubrics/STANDARDS.md）。",
            discussion: """
                --format md 输出评查标准和适用配置的完整参考：每条细则的依据、条文、
                判定方法（中文说明和表达式）、扣分、否决、处理方式、缺失数据时的处理、
                适用配置。项目中的 rubrics/STANDARDS.md 即由此生成，用 make standards 更新。
                """
        )

        /// `table` for a terminal; `md` for the committed reference a supervisor reads.
        enum Format: String, ExpressibleByArgument, CaseIterable { case table, md }

        @OptionGroup var common: Common

        @Option(name: .long, help: ArgumentHelp("输出格式：table（终端表格）或 md（Markdown 评查标准参考）。", valueName: "table|md"))
        var format: Format = .table

        func run() throws {
            try reporting { () throws(PingchaError) in
                let (catalogue, _, set) = try common.load()
                switch format {
                case .table:
                    for r in set.rubrics { print(RubricTable.render(r, catalogue: catalogue)) }
                case .md:
                    print(StandardsReference.render(set, catalogue: catalogue), terminator: "")
                }
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "运行评查标准附带的测试案例（tests/<id>.yaml），列出每一处不符。")
        @OptionGroup var common: Common

        func run() throws {
            var failed = false
            try reporting { () throws(PingchaError) in
                let (catalogue, _, set) = try common.load()
                let fixtures = RubricFixtures(scorer: Scorer(set), catalogue: catalogue)
                var total = 0, passed = 0
                for (rubric, path) in RubricFixtures.files(for: set.rubrics) {
                    guard Directory.exists(path) else {
                        printError("\(rubric.path): 评查标准 \(rubric.id) 没有测试案例文件 \(path)")
                        failed = true
                        continue
                    }
                    let report = try fixtures.run(path: path)
                    total += report.cases
                    passed += report.passed
                    print("\(path): \(report.rubric) \(report.passed)/\(report.cases) 个案例通过")
                    for m in report.mismatches { print("  " + m) }
                    if !report.mismatches.isEmpty { failed = true }
                }
                print("\(passed) passed, \(total - passed) failed")
            }
            if failed { throw ExitCode.failure }
        }
    }
}
