import PingchaAnalytics
import PingchaReports
import PingchaStore

/// Chinese names for what the store keeps by id, for the workbooks and compare: a standard
/// by its short name (``RuleWording/standardShortName(title:id:)``: "处罚（普通）"), a
/// category by its title, and a rule id qualified by its standard ("处罚（普通）PRO-03"),
/// since rule ids repeat across standards (PRO-05 is a penalty deadline in one and a
/// freezing deadline in another). An id the rubrics do not describe is shown as it is.
struct StandardNames {
    private var standards: [String: String] = [:]
    /// The short name of each standard, worked out once: a workbook asks for it on every row.
    private var shortNames: [String: String] = [:]
    private var categories: [String: [String: String]] = [:]
    /// Category id → title in the first standard that has it, for lists that carry no
    /// standard (the problem groups' categories).
    private var anyCategory: [String: String] = [:]
    private var rules: [String: [String: String]] = [:]
    /// "处罚（普通）PRO-03 告知当事人陈述、申辩权利", worked out once per rule: the review sheet
    /// names several rules on each of its rows.
    private var rulesWithTitles: [String: [String: String]] = [:]

    init(definitions: [StoredRubric]) {
        for d in definitions {
            add(rubric: d.id, title: d.title, categories: d.categories.map { ($0.id, $0.title) },
                rules: d.rules.map { ($0.id, $0.title) })
        }
    }

    /// Later rubrics (a later batch's) name an id over earlier ones.
    init(rubrics: [RubricInfo]) {
        for r in rubrics {
            add(rubric: r.id, title: r.title, categories: r.categories.map { ($0.id, $0.title) }, rules: r.rules.map { ($0.id, $0.title) })
        }
    }

    private mutating func add(rubric: String, title: String, categories: [(String, String)], rules: [(String, String)]) {
        if !title.isEmpty {
            standards[rubric] = title
            shortNames[rubric] = RuleWording.standardShortName(title: title, id: rubric)
        }
        for (id, title) in categories where !title.isEmpty {
            self.categories[rubric, default: [:]][id] = title
            if anyCategory[id] == nil { anyCategory[id] = title }
        }
        for (id, title) in rules where !title.isEmpty { self.rules[rubric, default: [:]][id] = title }
        for (id, title) in self.rules[rubric] ?? [:] {
            rulesWithTitles[rubric, default: [:]][id] = rule(id, standard: rubric) + " " + RuleWording.plainTitle(title)
        }
    }

    /// The standard's title as the rubric gives it.
    func title(ofStandard id: String) -> String { standards[id] ?? id }

    /// "处罚（普通）", "许可", …; the id when the standard is unknown.
    func standard(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "" }
        return shortNames[id] ?? id
    }

    func category(_ id: String?, standard: String? = nil) -> String {
        guard let id, !id.isEmpty else { return "" }
        if let standard, let title = categories[standard]?[id] { return title }
        return anyCategory[id] ?? id
    }

    func ruleTitle(_ id: String, standard: String) -> String? { rules[standard]?[id] }

    /// "处罚（普通）PRO-03".
    func rule(_ id: String, standard: String) -> String { self.standard(standard) + id }

    /// "处罚（普通）PRO-03 告知当事人陈述、申辩权利": the title as a requirement, without the
    /// notes for scorers (``RuleWording/plainTitle(_:)``, as the bulletin words it).
    func ruleWithTitle(_ id: String, standard: String) -> String {
        rulesWithTitles[standard]?[id] ?? rule(id, standard: standard)
    }
}
