import Foundation
import PingchaModel
import PingchaRubric
import PingchaIngest

/// A rubric's structure as stored with a batch (`rubric.definition`): grades, categories and
/// rules with their deduction, basis and disposition, so that reports and comparisons of old
/// batches need no rubric files. Points are exact decimals both ways; every key is required
/// when read back (a definition that lacks one is a damaged store, not a default).
public struct StoredRubric: Sendable, Equatable, Decodable {
    public struct Grade: Sendable, Equatable, Decodable {
        public var name: String
        public var min: DecimalNumber
    }

    public struct Category: Sendable, Equatable, Decodable {
        public var id: String
        public var title: String
        public var points: DecimalNumber
    }

    public struct Rule: Sendable, Equatable, Decodable {
        public var id: String
        public var title: String
        /// The category's id.
        public var category: String
        public var problem: String
        public var deduct: DecimalNumber
        public var max: DecimalNumber?
        /// A veto rule (一票否决).
        public var veto: Bool
        /// Decided by a reviewer only.
        public var manual: Bool
        public var disposition: Disposition
        public var basis: String?
    }

    public var id: String
    public var version: String
    public var title: String
    public var total: DecimalNumber
    /// Highest first.
    public var grades: [Grade]
    public var vetoGrade: String
    public var categories: [Category]
    /// In rubric order.
    public var rules: [Rule]
    private var ruleIndex: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case id, version, title, total, grades, categories, rules
        case vetoGrade = "veto_grade"
    }

    /// The structure of a loaded rubric.
    public init(_ r: Rubric) {
        id = r.id
        version = r.version
        title = r.title
        total = r.total
        grades = r.grades.map { Grade(name: $0.name, min: $0.min) }
        vetoGrade = r.grades[r.vetoGrade].name
        categories = r.categories.map { Category(id: $0.id, title: $0.title, points: $0.points) }
        rules = r.rules.map { rule in
            Rule(id: rule.id, title: rule.title, category: r.categories[rule.category].id, problem: rule.problem, deduct: rule.deduct,
                 max: rule.max, veto: rule.veto, manual: rule.isManual, disposition: rule.disposition, basis: rule.basis)
        }
        ruleIndex = Self.index(rules)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(String.self, forKey: .version)
        title = try c.decode(String.self, forKey: .title)
        total = try c.decode(DecimalNumber.self, forKey: .total)
        grades = try c.decode([Grade].self, forKey: .grades)
        vetoGrade = try c.decode(String.self, forKey: .vetoGrade)
        categories = try c.decode([Category].self, forKey: .categories)
        rules = try c.decode([Rule].self, forKey: .rules)
        ruleIndex = Self.index(rules)
    }

    /// Reads a stored definition; a damaged one is an error naming the batch's rubric.
    public init(json: String) throws {
        do {
            self = try JSONDecoder().decode(StoredRubric.self, from: Data(json.utf8))
        } catch {
            throw PingchaError.invalidOption("数据库中保存的评查标准定义已损坏，无法读取：\(error)；请用 pingcha rescore 以现有评查标准重新评分")
        }
    }

    /// The rule with id `id`, if the rubric has it.
    public func rule(_ id: String) -> Rule? { ruleIndex[id].map { rules[$0] } }

    /// The grade names, highest first (优秀, 良好, 合格, 不合格).
    public var gradeNames: [String] { grades.map(\.name) }

    /// The definition as stored: keys in a fixed order, decimals in their canonical text.
    public var json: String {
        var out = "{\"id\":" + JSONText.quoted(id) + ",\"version\":" + JSONText.quoted(version)
        out += ",\"title\":" + JSONText.quoted(title) + ",\"total\":" + total.description
        out += ",\"grades\":[" + grades.map { "{\"name\":" + JSONText.quoted($0.name) + ",\"min\":" + $0.min.description + "}" }
            .joined(separator: ",") + "]"
        out += ",\"veto_grade\":" + JSONText.quoted(vetoGrade)
        out += ",\"categories\":[" + categories.map {
            "{\"id\":" + JSONText.quoted($0.id) + ",\"title\":" + JSONText.quoted($0.title) + ",\"points\":" + $0.points.description + "}"
        }.joined(separator: ",") + "]"
        out += ",\"rules\":[" + rules.map { rule in
            var s = "{\"id\":" + JSONText.quoted(rule.id) + ",\"title\":" + JSONText.quoted(rule.title)
            s += ",\"category\":" + JSONText.quoted(rule.category)
            s += ",\"problem\":" + JSONText.quoted(rule.problem) + ",\"deduct\":" + rule.deduct.description
            if let m = rule.max { s += ",\"max\":" + m.description }
            s += ",\"veto\":" + (rule.veto ? "true" : "false") + ",\"manual\":" + (rule.manual ? "true" : "false")
            s += ",\"disposition\":" + JSONText.quoted(rule.disposition.rawValue)
            if let b = rule.basis { s += ",\"basis\":" + JSONText.quoted(b) }
            return s + "}"
        }.joined(separator: ",") + "]}"
        return out
    }

    /// SHA-256 over the rubric file and each fragment it includes, in order.
    public static func digest(_ r: Rubric) throws(PingchaError) -> String {
        let d = SHA256Digest()
        for file in r.files { d.update(try TextFile.read(file)) }
        return d.finish()
    }

    private static func index(_ rules: [Rule]) -> [String: Int] {
        Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func == (a: Self, b: Self) -> Bool { a.json == b.json }
}
