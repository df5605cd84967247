import PingchaModel
import PingchaRubric

/// A rubric's structure as stored with a batch (grades, categories, rules with their basis
/// and disposition), so that reports and comparisons of old batches need no rubric files.
public enum RubricJSON {
    public static func definition(_ r: Rubric) -> String {
        var out = "{\"id\":" + JSONText.quoted(r.id) + ",\"version\":" + JSONText.quoted(r.version)
        out += ",\"title\":" + JSONText.quoted(r.title) + ",\"total\":" + r.total.description
        out += ",\"grades\":[" + r.grades.map { "{\"name\":" + JSONText.quoted($0.name) + ",\"min\":" + $0.min.description + "}" }
            .joined(separator: ",") + "]"
        out += ",\"veto_grade\":" + JSONText.quoted(r.grades[r.vetoGrade].name)
        out += ",\"categories\":[" + r.categories.map {
            "{\"id\":" + JSONText.quoted($0.id) + ",\"title\":" + JSONText.quoted($0.title) + ",\"points\":" + $0.points.description + "}"
        }.joined(separator: ",") + "]"
        out += ",\"rules\":[" + r.rules.map { rule in
            var s = "{\"id\":" + JSONText.quoted(rule.id) + ",\"title\":" + JSONText.quoted(rule.title)
            s += ",\"category\":" + JSONText.quoted(r.categories[rule.category].id)
            s += ",\"problem\":" + JSONText.quoted(rule.problem) + ",\"deduct\":" + rule.deduct.description
            if let m = rule.max { s += ",\"max\":" + m.description }
            s += ",\"veto\":" + (rule.veto ? "true" : "false") + ",\"manual\":" + (rule.isManual ? "true" : "false")
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
}
