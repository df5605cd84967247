import PingchaModel
import Yams
import PingchaCalendar

/// Loads rubric files, checks them completely and compiles their expressions.
///
/// Every problem is collected (not just the first), each as `file:line:col: message` in
/// Chinese, so that a supervisor fixes a rubric in one pass; a rubric with any error is
/// not returned. Rubrics are checked before any case is read.
public final class RubricLoader {
    public let catalogue: FieldCatalogue
    public let calendar: WorkingDayCalendar
    public private(set) var errors: [PingchaError] = []
    /// The profiles loaded beside the rubrics by the last ``load(paths:)``.
    public private(set) var profiles: [Profile] = []
    func appendError(_ e: PingchaError) { errors.append(e) }

    /// Adds `note` to the errors reported since `start` (which profile's values caused them).
    func annotateErrors(since start: Int, _ note: String) {
        for i in start..<errors.count {
            if case .located(let location, let message) = errors[i] { errors[i] = .located(location, message + note) }
        }
    }
    private let compiler: ExpressionCompiler

    static let rubricKeys = ["id", "version", "title", "priority", "applies_when", "total", "grades", "veto_grade",
                             "veto_score", "params", "categories", "include", "description"]
    static let categoryKeys = ["id", "title", "points", "rules"]
    static let ruleKeys = ["id", "title", "check", "count", "manual", "when", "deduct", "max", "veto", "missing",
                           "disposition", "basis", "problem", "on_fail", "measures", "quote", "explain"]

    public init(catalogue: FieldCatalogue, calendar: WorkingDayCalendar) {
        self.catalogue = catalogue
        self.calendar = calendar
        self.compiler = ExpressionCompiler(catalogue: catalogue, calendar: calendar)
    }

    /// Loads rubrics and their profiles for a command that will score with them: any error in
    /// any of them stops it, with every error listed, before a case is read.
    public func loadChecked(paths: [String]) throws(PingchaError) -> RubricSet {
        let rubrics = try load(paths: paths)
        if !errors.isEmpty { throw .several(errors, summary: "评查标准有 \(errors.count) 处错误，未处理任何案件") }
        return RubricSet(rubrics: rubrics, profiles: profiles, departmentField: catalogue.index(of: "department") ?? 0)
    }

    /// Loads rubric files and folders (see ``RubricFiles``), sorted by priority, then id.
    public func load(paths: [String]) throws(PingchaError) -> [Rubric] {
        var rubrics: [Rubric] = []
        var seen: [String: String] = [:]
        for file in try RubricFiles.expand(paths) {
            guard let (rubric, idNode) = loadRubric(file) else { continue }
            if let first = seen[rubric.id] {
                report(RubricSource(path: file, text: ""), idNode, "评查标准 id \(rubric.id) 与 \(first) 重复")
                continue
            }
            seen[rubric.id] = file
            rubrics.append(rubric)
        }
        var sorted = rubrics.sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
        profiles = loadProfiles(paths: paths, rubrics: &sorted)
        return sorted
    }

    // MARK: - One rubric

    /// Loads one rubric file with its fragments. `overrides` replace declared param values
    /// (a profile's tailoring); their types were checked when the profile loaded.
    func loadRubric(_ path: String, overrides: [String: ParamValue] = [:]) -> (Rubric, Node)? {
        guard let source = read(path), let root = source.root else { return nil }
        let before = errors.count
        guard let map = mapping(root, source, context: "评查标准", allowed: Self.rubricKeys) else { return nil }
        for key in ["id", "version", "title", "total", "grades", "categories"] where map[key] == nil {
            report(source, root, "评查标准缺少必填的键 \(key)")
        }
        if map["categories"] == nil { return nil }

        let id = map["id"].flatMap { scalar($0.value, source, "id") } ?? ""
        if let node = map["id"]?.value, !id.isEmpty, !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            report(source, node, "评查标准 id“\(id)”只能使用小写字母、数字和“-”")
        }
        var priority = 100
        if let node = map["priority"]?.value {
            if let text = scalar(node, source, "priority"), let p = Int(text) { priority = p }
            else { report(source, node, "priority 应为整数") }
        }
        let total = map["total"].flatMap { points($0.value, source, "total") }
        let grades = map["grades"].map { gradeBands($0.value, source) } ?? []
        var vetoGrade = grades.count - 1
        if let node = map["veto_grade"]?.value, let name = scalar(node, source, "veto_grade") {
            if let i = grades.firstIndex(where: { $0.name == name }) { vetoGrade = i }
            else if !grades.isEmpty {
                let near = Suggestion.nearest(to: name, among: grades.map(\.name))
                report(source, node, "veto_grade“\(name)”不是已定义的等次" + (near.map { "，是否为“\($0)”？" } ?? "（可用：\(grades.map(\.name).joined(separator: "、"))）"))
            }
        }
        let vetoScore = map["veto_score"].flatMap { choice($0.value, source, "veto_score", VetoScore.self) } ?? .keep

        // Params and fragments come before any expression: a fragment's rules may read the
        // params the fragment declares.
        var params = ParamDeclarations()
        if let node = map["params"]?.value { declareParams(node, source, into: &params) }
        var fragments: [(RubricSource, Node)] = []
        var files = [path]
        if let node = map["include"]?.value {
            for (relative, itemNode) in stringList(node, source, "include") {
                let resolved = RubricFiles.resolve(relative, from: path)
                if files.contains(resolved) {
                    report(source, itemNode, "片段 \(relative) 被重复包含")
                    continue
                }
                files.append(resolved)
                guard let fragment = read(resolved, includedFrom: (source, itemNode)), let froot = fragment.root else { continue }
                guard let fmap = mapping(froot, fragment, context: "片段", allowed: ["categories", "params"]) else { continue }
                guard let cats = fmap["categories"] else {
                    report(fragment, froot, "片段文件只能包含 categories（和它的规则所用的 params）")
                    continue
                }
                if let node = fmap["params"]?.value { declareParams(node, fragment, into: &params) }
                fragments.append((fragment, cats.value))
            }
        }
        compiler.params = Dictionary(uniqueKeysWithValues: params.list.map { ($0.name, overrides[$0.name] ?? $0.value) })
        compiler.paramsUsed = []
        let appliesWhen = map["applies_when"].flatMap { expression($0.value, source, key: "applies_when") { s throws(ExpressionError) in try compiler.predicate(s) } }

        // Categories: the rubric's own, then each included fragment's, in order.
        var builder = RubricBuilder()
        categories(map["categories"]!.value, source, into: &builder)
        for (fragment, cats) in fragments { categories(cats, fragment, into: &builder) }
        // Unused only when every expression compiled: one that stopped early read no more params.
        for p in params.list where errors.count == before && !compiler.paramsUsed.contains(p.name) {
            let (declaredIn, node) = params.nodes[p.name]!
            report(declaredIn, node, "参数 $\(p.name) 已声明，但没有任何表达式使用它（删去它，或在规则中以 $\(p.name) 引用）")
        }
        let sum = builder.categories.reduce(DecimalNumber.zero) { $0.adding($1.points) ?? $0 }
        // A total that is no number was reported already: no second message about the sum.
        if let node = map["total"]?.value, let total, sum != total {
            report(source, node, "total 为 \(total)，但各类别分值之和为 \(sum)")
        }
        // Read before the check below: a list where a single value belongs is an error too.
        let version = map["version"].flatMap { scalar($0.value, source, "version") } ?? ""
        let title = map["title"].flatMap { scalar($0.value, source, "title") } ?? ""
        let description = map["description"].flatMap { scalar($0.value, source, "description") }
        guard errors.count == before, let total else { return nil }
        var rubric = Rubric(id: id, version: version, title: title,
                            priority: priority, appliesWhen: appliesWhen, total: total, grades: grades,
                            vetoGrade: max(0, vetoGrade), categories: builder.categories, rules: builder.rules,
                            description: description, path: path, files: files)
        rubric.vetoScore = vetoScore
        rubric.params = params.list
        return (rubric, map["id"]!.value)
    }

    private func gradeBands(_ node: Node, _ source: RubricSource) -> [GradeBand] {
        guard let seq = node.sequence, !seq.isEmpty else {
            report(source, node, "grades 应为等次列表（从高到低，如 { name: 优秀, min: 90 }）")
            return []
        }
        var bands: [GradeBand] = []
        for item in seq {
            guard let m = mapping(item, source, context: "等次", allowed: ["name", "min"]) else { continue }
            guard let nameNode = m["name"]?.value, let name = scalar(nameNode, source, "name"),
                  let minNode = m["min"]?.value, let min = number(minNode, source, "min") else {
                report(source, item, "等次需要 name 和 min")
                continue
            }
            if bands.contains(where: { $0.name == name }) { report(source, nameNode, "等次“\(name)”重复") }
            if let previous = bands.last, min >= previous.min {
                report(source, minNode, "等次应从高到低排列：“\(name)”的 min \(min) 不低于上一等次“\(previous.name)”的 \(previous.min)")
            }
            bands.append(GradeBand(name: name, min: min))
        }
        return bands
    }

    // MARK: - Categories and rules

    struct RubricBuilder {
        var categories: [RubricCategory] = []
        var rules: [Rule] = []
        var categoryIds: Set<String> = []
        var ruleIds: Set<String> = []
    }

    private func categories(_ node: Node, _ source: RubricSource, into b: inout RubricBuilder) {
        guard let seq = node.sequence else {
            report(source, node, "categories 应为类别列表")
            return
        }
        for item in seq {
            guard let m = mapping(item, source, context: "类别", allowed: Self.categoryKeys) else { continue }
            for key in Self.categoryKeys where m[key] == nil { report(source, item, "类别缺少必填的键 \(key)") }
            guard let idNode = m["id"]?.value, let id = scalar(idNode, source, "id") else { continue }
            if !b.categoryIds.insert(id).inserted { report(source, idNode, "类别 id \(id) 重复") }
            let title = m["title"].flatMap { scalar($0.value, source, "title") } ?? id
            let pts = m["points"].flatMap { points($0.value, source, "points") } ?? .zero
            let start = b.rules.count
            let categoryIndex = b.categories.count
            if let rulesNode = m["rules"]?.value {
                if let rseq = rulesNode.sequence {
                    for r in rseq {
                        if let rule = self.rule(r, source, category: categoryIndex, categoryTitle: title, ids: &b.ruleIds) {
                            b.rules.append(rule)
                        }
                    }
                } else {
                    report(source, rulesNode, "rules 应为细则列表")
                }
            }
            b.categories.append(RubricCategory(id: id, title: title, points: pts, rules: start..<b.rules.count, file: source.path))
        }
    }

    private func rule(_ node: Node, _ source: RubricSource, category: Int, categoryTitle: String, ids: inout Set<String>) -> Rule? {
        guard let m = mapping(node, source, context: "细则", allowed: Self.ruleKeys) else { return nil }
        let before = errors.count
        for key in ["id", "title", "deduct"] where m[key] == nil { report(source, node, "细则缺少必填的键 \(key)") }
        let id = m["id"].flatMap { scalar($0.value, source, "id") } ?? ""
        if let idNode = m["id"]?.value, !id.isEmpty, !ids.insert(id).inserted {
            report(source, idNode, "细则 id \(id) 重复")
        }
        let kinds = ["check", "count", "manual"].filter { m[$0] != nil }
        if kinds.count != 1 {
            // For a repeat, point at the later of the keys in the file.
            let later = kinds.compactMap { m[$0]?.key }.max { ($0.mark?.line ?? 0) < ($1.mark?.line ?? 0) }
            report(source, kinds.count > 1 ? later! : node,
                   kinds.isEmpty ? "细则 \(id) 需要 check、count、manual 三者之一" : "细则 \(id) 只能有 check、count、manual 之一，这里同时有 \(kinds.joined(separator: "、"))")
        }
        var fields: [Int] = []
        func note(_ f: [Int]) { for i in f where !fields.contains(i) { fields.append(i) } }
        let when = m["when"].flatMap { expression($0.value, source, key: "when") { s throws(ExpressionError) in try compiler.predicate(s) } }
        when.map { note($0.fields) }
        var kind = RuleKind.manual
        if let c = m["check"]?.value, let p = expression(c, source, key: "check", { s throws(ExpressionError) in try compiler.predicate(s) }) {
            kind = .check(p)
            note(p.fields)
        } else if let c = m["count"]?.value, let n = expression(c, source, key: "count", { s throws(ExpressionError) in try compiler.number(s) }) {
            kind = .count(n)
            note(n.fields)
        } else if let c = m["manual"]?.value {
            if scalar(c, source, "manual")?.lowercased() != "true" { report(source, c, "manual 只能写 true（不需要人工判定的细则请用 check 或 count）") }
        }
        let deduct = m["deduct"].flatMap { points($0.value, source, "deduct") } ?? .zero
        var maxDeduct: DecimalNumber?
        if let node = m["max"]?.value {
            maxDeduct = points(node, source, "max")
            if m["count"] == nil { report(source, m["max"]!.key, "max 只用于 count 细则") }
        }
        var veto = false
        if let node = m["veto"]?.value {
            switch scalar(node, source, "veto")?.lowercased() {
            case "true": veto = true
            case "false": veto = false
            default: report(source, node, "veto 只能是 true 或 false")
            }
        }
        let missing = m["missing"].flatMap { choice($0.value, source, "missing", MissingPolicy.self) } ?? .review
        let disposition = m["disposition"].flatMap { choice($0.value, source, "disposition", Disposition.self) } ?? .none
        if disposition == .invalid, !veto, let node = m["disposition"]?.value {
            report(source, node, "细则 \(id) 的 disposition 为 invalid（确认无效），必须同时是否决项（veto: true）：无效的执法行为不能让案卷合格")
        }
        let onFail = m["on_fail"].flatMap { choice($0.value, source, "on_fail", FailPolicy.self) } ?? .deduct
        if onFail == .review, m["manual"] != nil, let node = m["on_fail"]?.key {
            report(source, node, "细则 \(id) 是人工判定（manual），没有自动检查，不能用 on_fail")
        }
        var measures: [Measure] = []
        if let node = m["measures"]?.value {
            for (name, itemNode) in stringList(node, source, "measures") {
                guard let measure = Measure(rawValue: name) else {
                    let names = Measure.allCases.map(\.rawValue)
                    let near = Suggestion.nearest(to: name, among: names)
                    report(source, itemNode, "未知的统计项 \(name)" + (near.map { "，是否为 \($0)？" } ?? "（可用：\(names.joined(separator: "、"))）"))
                    continue
                }
                if measures.contains(measure) { report(source, itemNode, "统计项 \(name) 重复") } else { measures.append(measure) }
            }
        }
        guard errors.count == before else { return nil }
        var rule = Rule(id: id, title: m["title"].flatMap { scalar($0.value, source, "title") } ?? id, kind: kind, when: when,
                        deduct: deduct, max: maxDeduct, veto: veto, missing: missing, disposition: disposition,
                        basis: m["basis"].flatMap { scalar($0.value, source, "basis") },
                        problem: m["problem"].flatMap { scalar($0.value, source, "problem") } ?? categoryTitle,
                        category: category, fields: fields)
        rule.onFail = onFail
        rule.measures = measures
        rule.quote = m["quote"].flatMap { scalar($0.value, source, "quote") }
        rule.explain = m["explain"].flatMap { scalar($0.value, source, "explain") }
        return rule
    }
}
