import PingchaModel

/// What analytics needs to know about a rubric (评查标准): its version, its categories
/// with their points, its rules with their problem labels, and its grade names.
///
/// A plain description rather than the loaded rubric, so that analytics does not depend
/// on the rubric module and a batch stored years ago can be described from the store.
public struct RubricInfo: Sendable, Hashable {
    public struct Category: Sendable, Hashable {
        public var id: String
        public var title: String
        /// The category's points (分值), the most a case can lose in it.
        public var points: DecimalNumber

        public init(id: String, title: String, points: DecimalNumber) {
            self.id = id
            self.title = title
            self.points = points
        }
    }

    public struct Rule: Sendable, Hashable {
        public var id: String
        public var title: String
        public var categoryId: String
        /// The rule's own `problem` label; nil = its category's title.
        public var problem: String?

        public init(id: String, title: String, categoryId: String, problem: String? = nil) {
            self.id = id
            self.title = title
            self.categoryId = categoryId
            self.problem = problem
        }
    }

    public var id: String
    public var version: String
    public var title: String
    /// In rubric order.
    public var categories: [Category]
    /// In rubric order.
    public var rules: [Rule]
    /// Grade names, highest first (优秀, 良好, 合格, 不合格).
    public var grades: [String]

    public init(id: String, version: String, title: String = "", categories: [Category],
                rules: [Rule], grades: [String]) {
        self.id = id
        self.version = version
        self.title = title
        self.categories = categories
        self.rules = rules
        self.grades = grades
    }

    /// The highest grade (优秀): the excellent one.
    public var topGrade: String? { grades.first }
    /// The lowest grade (不合格): the only one that does not pass.
    public var lowestGrade: String? { grades.last }

    /// Pass = any grade but the lowest (the product contract's definition). With a single
    /// band every case passes, which is what "any grade but the lowest" says when the
    /// lowest is also the top; such a rubric is not a useful one anyway.
    public func isPass(grade: String) -> Bool {
        grades.count < 2 || grade != lowestGrade
    }

    /// Excellent = the top grade.
    public func isExcellent(grade: String) -> Bool { grade == topGrade }

    public func category(_ id: String) -> Category? { categories.first { $0.id == id } }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// The label a rule's failures are grouped under: its `problem`, else its category's
    /// title, else the category id.
    public func problem(of rule: Rule) -> String {
        rule.problem ?? category(rule.categoryId)?.title ?? rule.categoryId
    }

    /// Every rule of the rubric as a ``RuleKey``.
    public var ruleKeys: Set<RuleKey> { Set(rules.map { RuleKey(rubricId: id, ruleId: $0.id) }) }
}

extension Analytics {
    /// One grade order for several rubrics, highest first, for grade-distribution tables.
    ///
    /// Rubrics may have three bands (优秀/合格/不合格) or four (优秀/良好/合格/不合格); a
    /// name missing so far is placed right after the grade above it in its own rubric,
    /// so the merged order is 优秀, 良好, 合格, 不合格. Names of `extra` (grades met in the
    /// data but in no rubric given) follow in their own order.
    public static func gradeOrder(_ rubrics: [RubricInfo], extra: [String] = []) -> [String] {
        var order: [String] = []
        for rubric in rubrics {
            var insertAt = 0
            for name in rubric.grades {
                if let found = order.firstIndex(of: name) {
                    insertAt = found + 1
                } else {
                    order.insert(name, at: insertAt)
                    insertAt += 1
                }
            }
        }
        for name in extra where !order.contains(name) { order.append(name) }
        return order
    }
}
