import PingchaIngest
import PingchaModel
import PingchaRubric
import PingchaScoring
import Yams
import PingchaCatalogue

/// The fixture cases a rubric ships with (`rubrics/tests/<rubric-id>.yaml`), run by
/// `pingcha rubric test`: each case with the outcomes, score and grade it must get.
///
/// ```yaml
/// rubric: penalty-general
/// base: { case_id: T-1, department: 测试局, enforcement_type: 行政处罚, ... }
/// cases:
///   - name: 超过九十日作出决定
///     set: { decision_date: 2024-06-03 }
///     unset: [extension_approved]
///     scoresheet: [{ rule: PRO-12, outcome: fail, deduct: 1 }]
///     expect: { score: 97, grade: 优秀, veto: false, disposition: correct,
///               rules: { PRO-05: fail }, needs_review: [PRO-12], suspect: [] }
/// ```
///
/// A case is scored as in a run: the profile of its `department` (if any) tailors the rubric,
/// so `set: { department: 克拉玛依市公安局 }` tests a profile. `suspect` lists the screens
/// (`on_fail: review`) whose check found a defect.
/// ```yaml
/// ```
public struct RubricFixtures {
    public struct Report {
        public var file: String
        public var rubric: String
        public var cases = 0
        public var passed = 0
        /// One message per mismatch, `file:line:col: …`.
        public var mismatches: [String] = []
    }

    let scorer: Scorer
    let catalogue: FieldCatalogue

    public init(scorer: Scorer, catalogue: FieldCatalogue) {
        self.scorer = scorer
        self.catalogue = catalogue
    }

    /// The fixture files for rubrics loaded from `rubricPaths`: `tests/<id>.yaml` beside each rubric.
    public static func files(for rubrics: [Rubric]) -> [(rubric: Rubric, path: String)] {
        rubrics.compactMap { r in
            let dir = r.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let path = (dir.isEmpty ? "" : dir + "/") + "tests/\(r.id).yaml"
            return (r, path)
        }
    }

    public func run(path: String) throws(PingchaError) -> Report {
        let reader = YAMLReader(path: path)
        // Not `.emptyFile`: its message speaks of a header row, which a YAML file has not.
        guard let root = try reader.parse(try TextFile.read(path)) else { throw .located(SourceLocation(file: path, line: 1, column: 1), "文件是空的") }
        let top = try reader.mapping(root, allowed: ["rubric", "base", "cases"], required: ["rubric", "cases"], context: "评查标准测试文件")
        var rubricId = ""
        var base: [String: Node] = [:]
        var cases: [Node] = []
        var rubricNode = root
        for (key, _, value) in top {
            switch key {
            case "rubric": rubricId = try reader.string(value, key: key); rubricNode = value
            case "base": base = try fields(value, reader)
            default:
                // A mapping or a word here would otherwise run no case and pass.
                guard let seq = value.sequence else { throw .wrongNodeKind(reader.location(value), key: key, expected: "测试案例列表") }
                cases = Array(seq)
            }
        }
        guard let rubricIndex = scorer.rubrics.firstIndex(where: { $0.id == rubricId }) else {
            throw .located(reader.location(rubricNode), "没有 id 为 \(rubricId) 的评查标准")
        }
        let rubric = scorer.rubrics[rubricIndex]
        var report = Report(file: path, rubric: rubricId)
        for caseNode in cases {
            report.cases += 1
            let entries = try reader.mapping(caseNode, allowed: ["name", "set", "unset", "scoresheet", "expect"],
                                             required: ["name", "expect"], context: "测试案例")
            var values = base
            var name = ""
            var expect: Node = caseNode
            var decisions: [String: [ReviewDecision]] = [:]
            for (key, _, value) in entries {
                switch key {
                case "name": name = try reader.string(value, key: key)
                case "set": values.merge(try fields(value, reader)) { $1 }
                case "unset": for (f, n) in try reader.strings(value, key: key) {
                    guard catalogue.index(of: f) != nil else { throw unknownField(f, n, reader) }
                    values[f] = nil
                }
                case "scoresheet": decisions = try scoresheet(value, reader, rubric: rubric)
                default: expect = value
                }
            }
            let record = try caseRecord(values, reader)
            var mismatches: [String] = []
            let tailored = scorer.profile(for: record).flatMap { rubric.tailoring(profile: $0) }
            let applies = (tailored.map { $0.appliesWhen } ?? rubric.appliesWhen).map { $0.evaluate(record) } ?? .yes
            if applies != .yes {
                mismatches.append("评查标准 \(rubricId) 的 applies_when 对此案例不成立（结果：\(applies == .no ? "否" : "未知")）")
            }
            let result = scorer.score(record, rubric: rubricIndex, decisions: decisions)
            mismatches += try compare(result, rubric: rubric, expect: expect, reader)
            if mismatches.isEmpty { report.passed += 1 }
            for m in mismatches { report.mismatches.append("\(reader.location(expect)): 案例“\(name)”：\(m)") }
        }
        return report
    }

    private func unknownField(_ f: String, _ node: Node, _ reader: YAMLReader) -> PingchaError {
        .unknownField(reader.location(node), field: f, suggestion: Suggestion.nearest(to: f, among: catalogue.fields.map(\.id)))
    }

    private func fields(_ node: Node, _ reader: YAMLReader) throws(PingchaError) -> [String: Node] {
        guard let map = node.mapping else { throw .wrongNodeKind(reader.location(node), key: "字段", expected: "“字段: 值”映射") }
        var out: [String: Node] = [:]
        for (k, v) in map {
            let f = k.string ?? ""
            guard catalogue.index(of: f) != nil else { throw unknownField(f, k, reader) }
            out[f] = v
        }
        return out
    }

    /// Values are read exactly as CSV cells are (same normalisers), so a fixture exercises
    /// the same path as an export.
    private func caseRecord(_ values: [String: Node], _ reader: YAMLReader) throws(PingchaError) -> CaseRecord {
        var record = CaseRecord(values: [FieldValue?](repeating: nil, count: catalogue.count), fileIndex: 0, line: 0)
        for (f, node) in values {
            let index = catalogue.index(of: f)!
            let definition = catalogue[index]
            let text: String
            if let seq = node.sequence { text = seq.compactMap { $0.scalar?.string }.joined(separator: "；") }
            else if let s = node.scalar?.string { text = s }
            else { throw .wrongNodeKind(reader.location(node), key: f, expected: "值或列表") }
            switch ValueNormaliser(field: definition).normalise(text) {
            case .missing: record.values[index] = nil
            case .value(let v), .valueWithNote(let v, _): record.values[index] = v
            case .invalid(let expected):
                throw .located(reader.location(node), "字段 \(f) 的值“\(text)”无效，应为\(expected)")
            }
        }
        return record
    }

    private func scoresheet(_ node: Node, _ reader: YAMLReader, rubric: Rubric) throws(PingchaError) -> [String: [ReviewDecision]] {
        var out: [String: [ReviewDecision]] = [:]
        guard let seq = node.sequence else { throw .wrongNodeKind(reader.location(node), key: "scoresheet", expected: "评查表行的列表") }
        for item in seq {
            var rule = "", verdict = ReviewDecision.Verdict.fail
            var deduct: DecimalNumber?
            var reviewer: String?
            for (key, _, value) in try reader.mapping(item, allowed: ["rule", "outcome", "deduct", "reviewer", "note"],
                                                      required: ["rule", "outcome"], context: "评查表行") {
                switch key {
                case "rule":
                    rule = try reader.string(value, key: key)
                    guard rubric.ruleIndex(rule) != nil else { throw .located(reader.location(value), "评查标准 \(rubric.id) 没有细则 \(rule)") }
                case "outcome":
                    let text = try reader.string(value, key: key)
                    guard let v = ReviewDecision.Verdict(rawValue: text) else {
                        throw .located(reader.location(value), "结论应为 pass、fail 或 na")
                    }
                    verdict = v
                case "deduct":
                    guard let d = DecimalNumber(try reader.string(value, key: key)) else {
                        throw .located(reader.location(value), "扣分应为数字")
                    }
                    deduct = d
                case "reviewer": reviewer = try reader.string(value, key: key)
                default: break
                }
            }
            out[rule, default: []].append(ReviewDecision(verdict: verdict, deduct: deduct, reviewer: reviewer,
                                                         file: reader.path, line: item.mark?.line ?? 0))
        }
        return out
    }

    private func compare(_ result: CaseResult, rubric: Rubric, expect: Node, _ reader: YAMLReader) throws(PingchaError) -> [String] {
        var out: [String] = []
        for (key, _, value) in try reader.mapping(expect, allowed: ["score", "grade", "veto", "disposition", "rules", "needs_review", "suspect"],
                                                  context: "expect") {
            switch key {
            case "score":
                let want = try reader.string(value, key: key)
                guard let w = DecimalNumber(want) else { throw .located(reader.location(value), "score 应为数字") }
                if result.score != w { out.append("得分应为 \(w)，实际为 \(result.score?.description ?? "无")") }
            case "grade":
                let want = try reader.string(value, key: key)
                let got = result.grade.map { rubric.grades[$0].name } ?? "无"
                if got != want { out.append("等次应为 \(want)，实际为 \(got)") }
            case "veto":
                let want = try reader.bool(value, key: key)
                if result.veto != want { out.append("一票否决应为 \(want)，实际为 \(result.veto)") }
            case "disposition":
                let want = try reader.string(value, key: key)
                if result.disposition.rawValue != want { out.append("处理方式应为 \(want)，实际为 \(result.disposition.rawValue)") }
            case "rules":
                guard let map = value.mapping else { throw .wrongNodeKind(reader.location(value), key: key, expected: "“细则: 结果”映射") }
                for (k, v) in map {
                    let id = k.string ?? ""
                    guard let i = rubric.ruleIndex(id) else { throw .located(reader.location(k), "评查标准 \(rubric.id) 没有细则 \(id)") }
                    let want = v.string ?? ""
                    guard Outcome(rawValue: want) != nil else {
                        throw .located(reader.location(v), "结果应为 pass、fail、unknown 或 not_applicable")
                    }
                    if result.outcomes[i].rawValue != want { out.append("细则 \(id) 应为 \(want)，实际为 \(result.outcomes[i].rawValue)") }
                }
            case "suspect":
                let want = Set(try reader.strings(value, key: key).map(\.0))
                let got = Set(result.findings.filter(\.suspect).map { rubric.rules[$0.rule].id })
                if want != got { out.append("疑似问题（筛查未通过）的细则应为 [\(want.sorted().joined(separator: ", "))]，实际为 [\(got.sorted().joined(separator: ", "))]") }
            default:
                let want = Set(try reader.strings(value, key: key).map(\.0))
                let got = Set(result.needsReview.map { rubric.rules[$0].id })
                if want != got { out.append("待人工评查的细则应为 [\(want.sorted().joined(separator: ", "))]，实际为 [\(got.sorted().joined(separator: ", "))]") }
            }
        }
        return out
    }
}
