import Foundation

/// A stored rubric's structure read back from its JSON (see `RubricJSON` in the store).
struct RubricDefinition {
    struct Rule {
        var id: String
        var title: String
        var category: String
        var problem: String
        var basis: String?
        var disposition: String
        var manual: Bool
        /// A veto rule (一票否决).
        var veto = false
    }

    var id: String
    var version: String
    var title: String
    var grades: [String]
    var categories: [(id: String, title: String, points: String)]
    var rules: [String: Rule]
    var ruleOrder: [String]

    init(json: String) {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
        id = object["id"] as? String ?? ""
        version = object["version"] as? String ?? ""
        title = object["title"] as? String ?? ""
        grades = (object["grades"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        categories = (object["categories"] as? [[String: Any]] ?? []).map {
            ($0["id"] as? String ?? "", $0["title"] as? String ?? "", "\($0["points"] ?? "")")
        }
        var rules: [String: Rule] = [:]
        var order: [String] = []
        for r in object["rules"] as? [[String: Any]] ?? [] {
            let rule = Rule(id: r["id"] as? String ?? "", title: r["title"] as? String ?? "", category: r["category"] as? String ?? "",
                            problem: r["problem"] as? String ?? "", basis: r["basis"] as? String,
                            disposition: r["disposition"] as? String ?? "none", manual: r["manual"] as? Bool ?? false,
                            veto: r["veto"] as? Bool ?? false)
            rules[rule.id] = rule
            order.append(rule.id)
        }
        self.rules = rules
        ruleOrder = order
    }
}
