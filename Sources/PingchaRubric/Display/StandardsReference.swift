import PingchaModel

/// `pingcha rubric show --format md`: the loaded rubrics and profiles as a Markdown reference
/// (committed as rubrics/STANDARDS.md). A supervisor checks a rule there, not in the YAML: each
/// rule with its basis, the article's words, the test in plain Chinese, its deduction, what
/// missing data means, and which profile changes it. The test's wording is `explain` where the
/// rubric gives one, else generated from the expression (``ExpressionWording``); the expression
/// itself is printed beside it, because that is what the scorer runs.
///
/// The output depends only on the rubrics (no date, no absolute path), so the committed file
/// can be compared with a fresh rendering.
public struct StandardsReference {
    let set: RubricSet
    let catalogue: FieldCatalogue
    /// Paths under this folder are shown relative to it.
    let root: String?

    /// The reference of `set`. `root`: a folder whose prefix is dropped from file paths, so
    /// that the text is the same whether the rubrics were loaded as `rubrics` or by full path.
    public static func render(_ set: RubricSet, catalogue: FieldCatalogue, relativeTo root: String? = nil) -> String {
        StandardsReference(set: set, catalogue: catalogue, root: root).document()
    }

    func document() -> String {
        var out = header()
        for r in set.rubrics { out += rubric(r) }
        for (i, p) in set.profiles.enumerated() { out += profile(i, p) }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Header

    func header() -> [String] {
        var out = [
            "# 评查标准参考",
            "",
            "本文件逐条列出评查所用的评查标准和适用配置：每条细则的依据、条文、判定方法、扣分和处理方式，供评查员和监督人员核对。",
            "",
            "本文件由 `pingcha rubric show --format md` 从下列评查标准文件生成，请勿手工修改：修改 `rubrics/` 中的评查标准后，"
                + "在项目根目录运行 `make standards`（即 `pingcha rubric show --format md rubrics > rubrics/STANDARDS.md`）重新生成。",
            "",
            "细则的“判定方法”是说明：评查标准写有说明（`explain`）的照录，否则由表达式自动生成。"
                + "评分程序执行的是“表达式”一行（评查标准文件中的 `when`、`check`、`count`），两者有出入时以表达式为准。",
            "",
            "## 生成来源",
            "",
        ]
        out += ReferenceMarkdown.table(["评查标准", "编号", "版本", "优先级", "文件"], set.rubrics.map { r in
            [text(r.title), ReferenceMarkdown.code(r.id), text(r.version), "\(r.priority)", text(r.files.map(path).joined(separator: "、"))]
        })
        if !set.profiles.isEmpty {
            out += [""] + ReferenceMarkdown.table(["适用配置", "编号", "文件"], set.profiles.map { p in
                [text(p.title), ReferenceMarkdown.code(p.id), text(path(p.path))]
            })
        }
        out += [
            "",
            "## 通用规则",
            "",
            "- 每个案件按优先级从小到大依次尝试各评查标准，由第一个适用范围成立的标准评查；适用范围读到未填写的字段时，该标准不适用，改试下一个。",
            "- 细则的适用情形不成立时，该细则不适用；判定结果取决于未填写的字段时，按该细则“缺失数据时”一项处理。",
            "- 类别扣分以类别分值为限（扣完为止，不计负分）；总分 = 满分 − 各类别扣分之和。",
            "- 计数细则按表达式算出的项数扣分（项数为 0 或以下的为符合），每项扣分乘以项数，不超过其最多扣分。",
            "- 案卷的处理方式取其不符合细则中最重的一项：确认无效 > 确认违法 > 责令限期改正 > 整改完善。",
            "- 人工判定的细则和评分表改判的细则，以评查员的评分表为准。",
        ]
        if !set.profiles.isEmpty {
            out.append("- 执法主体名称以某适用配置所列部门名称结尾的案件，按该配置调整参数、停用细则；停用的细则对这些案件不适用。")
        }
        return out + [""]
    }

    // MARK: - A rubric

    func rubric(_ r: Rubric) -> [String] {
        let wording = ExpressionWording(catalogue: catalogue, params: r.params)
        var out = ["## \(text(r.title))", ""]
        if let d = r.description { out += [text(d), ""] }
        out += [
            "- 编号：\(ReferenceMarkdown.code(r.id))，版本 \(text(r.version))，优先级 \(r.priority)",
            "- 文件：\(text(r.files.map(path).joined(separator: "、")))",
            "- 适用范围：\(r.appliesWhen.map { words(wording.condition, $0.source) } ?? "全部案件")",
            "- 满分：\(r.total) 分",
            "- 等次：\(text(ReferenceTerms.grades(r.grades)))",
        ]
        if r.rules.contains(where: \.veto) {
            out.append("- 一票否决：\(text(ReferenceTerms.vetoGrade(r)))")
            out.append("- 否决项得分：\(ReferenceTerms.vetoScore(r))")
        } else {
            out.append("- 一票否决：本标准没有否决项")
        }
        if let s = r.appliesWhen?.source { out.append("- 适用范围表达式：\(ReferenceMarkdown.code(s))") }
        out.append("")

        if !r.params.isEmpty {
            out += ["### 参数", "", "细则中写作 `$参数名` 的数值在此统一规定；适用配置可为部分执法部门调整。", ""]
            out += ReferenceMarkdown.table(["参数", "中文名", "默认值", "依据", "适用配置调整"], r.params.map { p in
                let changes = set.profiles.enumerated().compactMap { i, profile -> String? in
                    guard r.tailoring(profile: i) != nil, let o = profile.params.first(where: { $0.name == p.name }) else { return nil }
                    return "\(profile.title)（\(profile.id)）：\(o.value.display)"
                }
                return [ReferenceMarkdown.code("$" + p.name), text(p.title ?? ""), text(p.value.display), text(p.basis ?? ""),
                        changes.isEmpty ? "—" : text(changes.joined(separator: "；"))]
            })
            out.append("")
        }

        out += ["### 类别与分值", ""]
        out += ReferenceMarkdown.table(["类别", "分值", "细则"], r.categories.map { c in
            [text(c.title), "\(c.points)", text(r.rules[c.rules].map(\.id).joined(separator: "、"))]
        })
        out.append("")

        for c in r.categories {
            out += ["### \(text(c.title))（\(c.points) 分）", ""]
            if c.file != r.path { out += ["本类别来自公共片段 \(text(path(c.file)))。", ""] }
            for i in c.rules { out += rule(i, of: r, wording: wording) }
        }
        return out
    }

    // MARK: - A rule

    func rule(_ index: Int, of r: Rubric, wording: ExpressionWording) -> [String] {
        let rule = r.rules[index]
        var out = ["#### \(text(rule.id)) \(text(rule.title))", ""]
        if let b = rule.basis { out.append("- 依据：\(text(b))") }
        if let q = rule.quote { out.append("- 条文：\(text(quoted(q)))") }
        if let w = rule.when { out.append("- 适用情形：\(words(wording.condition, w.source))") }
        var expressions: [String] = []
        if let w = rule.when { expressions.append("when: " + w.source) }
        switch rule.kind {
        case .check(let p):
            out.append("- 判定方法：\(rule.explain.map(text) ?? words(wording.condition, p.source))")
            expressions.append("check: " + p.source)
        case .count(let n):
            out.append("- 判定方法：\(rule.explain.map(text) ?? "按“\(words(wording.quantity, n.source))”计数，0 项或以下为符合")")
            expressions.append("count: " + n.source)
        case .manual:
            if let e = rule.explain { out.append("- 判定方法：\(text(e))") }
        }
        if !expressions.isEmpty { out.append("- 表达式：" + expressions.map(ReferenceMarkdown.code).joined(separator: "；")) }
        if rule.isManual { out.append("- 人工判定：\(ReferenceTerms.manual)") }
        out.append("- 扣分：\(ReferenceTerms.deduction(rule))")
        out.append("- 否决：\(rule.veto ? "是" : "否")")
        out.append("- 处理方式：\(rule.disposition.chineseName)")
        if !rule.isManual { out.append("- 缺失数据时：\(ReferenceTerms.missing(rule))") }
        if rule.isScreen { out.append("- 筛查：\(ReferenceTerms.screen)") }
        if !rule.measures.isEmpty { out.append("- 统计：\(rule.measures.map(ReferenceTerms.name).joined(separator: "、"))") }
        let tailored = profileChanges(index, of: r)
        if !tailored.isEmpty { out += ["- 适用配置："] + tailored.map { "  - " + $0 } }
        return out + [""]
    }

    /// How each profile that tailors the rubric changes this rule: switched off (with the
    /// reason), or a param it reads given another value.
    func profileChanges(_ index: Int, of r: Rubric) -> [String] {
        let rule = r.rules[index]
        var read: [String] = []
        for source in [rule.when?.source, ruleSource(rule)].compactMap({ $0 }) {
            for name in ExpressionWording.paramNames(source) where !read.contains(name) { read.append(name) }
        }
        return r.tailorings.compactMap { t -> String? in
            guard set.profiles.indices.contains(t.profile) else { return nil }
            let p = set.profiles[t.profile]
            let who = "\(text(p.title))（\(ReferenceMarkdown.code(p.id))）"
            if let reason = t.disabled[index] { return "\(who)：停用本细则（不适用）。理由：\(text(reason))" }
            let changed = read.compactMap { name -> String? in
                guard let o = p.params.first(where: { $0.name == name }) else { return nil }
                let declared = r.params.first { $0.name == name }
                let title = declared?.title ?? name
                return "\(title)为 \(o.value.display)（默认 \(declared?.value.display ?? "")）"
            }
            return changed.isEmpty ? nil : "\(who)：\(text(changed.joined(separator: "，")))"
        }
    }

    private func ruleSource(_ rule: Rule) -> String? {
        switch rule.kind {
        case .check(let p): return p.source
        case .count(let n): return n.source
        case .manual: return nil
        }
    }

    // MARK: - A profile

    func profile(_ index: Int, _ p: Profile) -> [String] {
        var out = ["## 适用配置：\(text(p.title))", ""]
        if let d = p.description { out += [text(d), ""] }
        out += [
            "- 编号：\(ReferenceMarkdown.code(p.id))",
            "- 文件：\(text(path(p.path)))",
            "- 适用部门：\(text(p.departments.joined(separator: "、")))（执法主体名称以其中之一结尾的案件适用本配置）",
            "",
        ]
        if p.params.isEmpty && p.disabled.isEmpty { return out + ["本配置不调整参数，也不停用细则。", ""] }
        if !p.params.isEmpty {
            out += ["### 调整的参数", ""]
            out += ReferenceMarkdown.table(["参数", "中文名", "本配置取值", "默认值", "依据"], p.params.map { o in
                let declared = set.rubrics.flatMap { r in r.params.filter { $0.name == o.name } }
                var defaults: [String] = []
                for d in declared where !defaults.contains(d.value.display) { defaults.append(d.value.display) }
                return [ReferenceMarkdown.code("$" + o.name), text(declared.first?.title ?? ""), text(o.value.display),
                        text(defaults.joined(separator: "、")), text(o.basis ?? "")]
            })
            out.append("")
        }
        if !p.disabled.isEmpty {
            out += ["### 停用的细则", ""]
            out += ReferenceMarkdown.table(["评查标准", "细则", "理由"], p.disabled.map { d in
                let title = set.rubrics.first { $0.id == d.rubric }.flatMap { r in r.ruleIndex(d.rule).map { r.rules[$0].title } }
                return [ReferenceMarkdown.code(d.rubric), text(d.rule + (title.map { " " + $0 } ?? "")), text(d.reason)]
            })
            out.append("")
        }
        return out
    }

    // MARK: - Helpers

    func text(_ s: String) -> String { ReferenceMarkdown.text(s) }

    /// The wording of an expression, escaped; a loaded rubric's expressions always parse, but
    /// should one not, the reference says so rather than stop.
    func words(_ read: (String) throws(ExpressionError) -> String, _ source: String) -> String {
        do { return text(try read(source)) } catch { return "（无法生成说明：\(text(error.message))，见表达式）" }
    }

    /// A quote in Chinese quotation marks, unless it already has its own.
    func quoted(_ q: String) -> String {
        q.hasPrefix("“") || q.hasPrefix("「") ? q : "“\(q)”"
    }

    func path(_ p: String) -> String {
        guard let root, !root.isEmpty else { return p }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return p.hasPrefix(prefix) ? String(p.dropFirst(prefix.count)) : p
    }
}
