import PingchaModel
import Yams

extension RubricLoader {
    static let profileKeys = ["title", "description", "departments", "params", "disable"]

    /// The profile files beside the rubrics: `DIR/profiles/*.yaml` for each folder loaded.
    static func profileFiles(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            guard Directory.kind(path) == .folder else { return [] }
            let folder = path.hasSuffix("/") ? path + "profiles" : path + "/profiles"
            guard Directory.kind(folder) == .folder, let entries = Directory.entries(folder) else { return [] }
            return entries.filter { $0.kind == .file && ($0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml")) }
                .map(\.path).sorted()
        }
    }

    /// Loads the profiles of `paths`, checks them against the rubrics, and gives each rubric a
    /// ``Tailoring`` per profile that changes it.
    func loadProfiles(paths: [String], rubrics: inout [Rubric]) -> [Profile] {
        var profiles: [Profile] = []
        var entryNodes: [(normalised: String, profile: Int, source: RubricSource, node: Node)] = []
        for file in Self.profileFiles(paths) {
            guard let (profile, entries) = loadProfile(file, rubrics: rubrics) else { continue }
            for e in entries {
                if let clash = entryNodes.first(where: { $0.profile != profiles.count && ($0.normalised.hasSuffix(e.normalised) || e.normalised.hasSuffix($0.normalised)) }) {
                    report(e.source, e.node, "执法部门“\(e.normalised)”与适用配置 \(profiles[clash.profile].id) 的“\(clash.normalised)”重叠（\(clash.source.location(clash.node))）：一个部门只能属于一个适用配置")
                }
            }
            entryNodes += entries.map { ($0.normalised, profiles.count, $0.source, $0.node) }
            profiles.append(profile)
        }
        guard errors.isEmpty else { return profiles }
        for ri in rubrics.indices {
            for (pi, profile) in profiles.enumerated() {
                let declared = Set(rubrics[ri].params.map(\.name))
                let overrides = profile.params.filter { declared.contains($0.name) }
                let disabled = profile.disabled.filter { $0.rubric == rubrics[ri].id }
                if overrides.isEmpty && disabled.isEmpty { continue }
                let before = errors.count
                guard let (variant, _) = loadRubric(rubrics[ri].path, overrides: Dictionary(uniqueKeysWithValues: overrides.map { ($0.name, $0.value) })) else {
                    annotateErrors(since: before, "（按适用配置 \(profile.id) 的参数值：\(profile.path)）")
                    continue
                }
                var off: [Int: String] = [:]
                for d in disabled { if let i = variant.ruleIndex(d.rule) { off[i] = d.reason } }
                rubrics[ri].tailorings.append(Tailoring(profile: pi, appliesWhen: variant.appliesWhen, rules: variant.rules, disabled: off))
            }
        }
        return profiles
    }

    private func loadProfile(_ path: String, rubrics: [Rubric]) -> (Profile, [(normalised: String, source: RubricSource, node: Node)])? {
        guard let source = read(path), let root = source.root else { return nil }
        let before = errors.count
        guard let map = mapping(root, source, context: "适用配置", allowed: Self.profileKeys) else { return nil }
        for key in ["title", "departments"] where map[key] == nil { report(source, root, "适用配置缺少必填的键 \(key)") }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let id = String(name.prefix { $0 != "." })

        var departments: [String] = []
        var entries: [(normalised: String, source: RubricSource, node: Node)] = []
        if let node = map["departments"]?.value {
            let list = stringList(node, source, "departments")
            if list.isEmpty { report(source, node, "departments 至少要列出一个执法部门名称") }
            for (text, itemNode) in list {
                let normalised = DepartmentName.normalised(text)
                guard !normalised.isEmpty else { report(source, itemNode, "执法部门名称是空的"); continue }
                if entries.contains(where: { $0.normalised == normalised }) { report(source, itemNode, "执法部门“\(text)”重复"); continue }
                departments.append(text)
                entries.append((normalised, source, itemNode))
            }
        }

        var params: [Profile.ParamOverride] = []
        if let node = map["params"]?.value {
            if let pmap = node.mapping {
                let declared = rubrics.flatMap { r in r.params.map { (r.id, $0) } }
                for (k, v) in pmap {
                    let pname = k.string ?? ""
                    let declarations = declared.filter { $0.1.name == pname }
                    guard let first = declarations.first else {
                        let near = Suggestion.nearest(to: pname, among: Array(Set(declared.map(\.1.name))).sorted())
                        report(source, k, "没有评查标准声明参数 $\(pname)" + (near.map { "，是否为 $\($0)？" } ?? ""))
                        continue
                    }
                    if let other = declarations.first(where: { $0.1.type != first.1.type }) {
                        report(source, k, "参数 $\(pname) 在 \(first.0) 中是\(first.1.type)，在 \(other.0) 中是\(other.1.type)，无法统一覆盖")
                        continue
                    }
                    var valueNode = v
                    var basis: String?
                    if v.mapping != nil {
                        guard let m = mapping(v, source, context: "参数 \(pname) ", allowed: ["value", "basis"]), let vn = m["value"]?.value else {
                            report(source, v, "参数 \(pname) 需要 value")
                            continue
                        }
                        valueNode = vn
                        basis = m["basis"].flatMap { scalar($0.value, source, "basis") }
                    }
                    guard let value = paramValue(valueNode, source, name: pname, type: first.1.type) else { continue }
                    params.append(Profile.ParamOverride(name: pname, value: value, basis: basis))
                }
            } else {
                report(source, node, "params 应为“参数名: 值”映射")
            }
        }

        var disabled: [Profile.DisabledRule] = []
        if let node = map["disable"]?.value {
            for item in node.sequence.map(Array.init) ?? [] {
                guard let m = mapping(item, source, context: "停用的细则", allowed: ["rule", "reason"]) else { continue }
                guard let ruleNode = m["rule"]?.value, let ref = scalar(ruleNode, source, "rule") else {
                    report(source, item, "停用的细则需要 rule（写成“评查标准/细则编号”，如 penalty-summary/LEG-02）")
                    continue
                }
                guard let reasonNode = m["reason"]?.value, let reason = scalar(reasonNode, source, "reason"), !reason.isEmpty else {
                    report(source, item, "停用细则 \(ref) 需要写明 reason（所依据的条文）")
                    continue
                }
                let parts = ref.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    report(source, ruleNode, "rule 应写成“评查标准/细则编号”，如 penalty-summary/LEG-02，这里是“\(ref)”")
                    continue
                }
                guard let rubric = rubrics.first(where: { $0.id == parts[0] }) else {
                    let near = Suggestion.nearest(to: parts[0], among: rubrics.map(\.id))
                    report(source, ruleNode, "没有 id 为 \(parts[0]) 的评查标准" + (near.map { "，是否为 \($0)？" } ?? ""))
                    continue
                }
                guard rubric.ruleIndex(parts[1]) != nil else {
                    let near = Suggestion.nearest(to: parts[1], among: rubric.rules.map(\.id))
                    report(source, ruleNode, "评查标准 \(rubric.id) 没有细则 \(parts[1])" + (near.map { "，是否为 \($0)？" } ?? ""))
                    continue
                }
                if disabled.contains(where: { $0.rubric == parts[0] && $0.rule == parts[1] }) {
                    report(source, ruleNode, "细则 \(ref) 重复停用")
                    continue
                }
                disabled.append(Profile.DisabledRule(rubric: parts[0], rule: parts[1], reason: reason))
            }
            if node.sequence == nil { report(source, node, "disable 应为列表：- { rule: 评查标准/细则编号, reason: 依据 }") }
        }
        guard errors.count == before else { return nil }
        return (Profile(id: id, title: map["title"].flatMap { scalar($0.value, source, "title") } ?? id,
                        description: map["description"].flatMap { scalar($0.value, source, "description") },
                        departments: departments, params: params, disabled: disabled, path: path), entries)
    }
}
