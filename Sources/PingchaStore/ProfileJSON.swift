import PingchaModel
import PingchaRubric
import PingchaIngest

/// A profile as stored with a batch (`profile.definition`): its departments, the params it
/// overrides and the rules it switches off, so that a bulletin of an old batch can name the
/// tailoring in force without the profile files.
public enum ProfileJSON {
    /// - Parameter rubrics: the loaded rubrics, for the Chinese names of params and rules.
    public static func definition(_ p: Profile, rubrics: [Rubric] = []) -> String {
        var out = "{\"id\":" + JSONText.quoted(p.id) + ",\"title\":" + JSONText.quoted(p.title)
        out += ",\"departments\":[" + p.departments.map(JSONText.quoted).joined(separator: ",") + "]"
        out += ",\"params\":[" + p.params.map { o in
            let title = rubrics.lazy.flatMap(\.params).first { $0.name == o.name }?.title
            return "{\"name\":" + JSONText.quoted(o.name) + (title.map { ",\"title\":" + JSONText.quoted($0) } ?? "")
                + ",\"value\":" + JSONText.quoted(o.value.display)
                + (o.basis.map { ",\"basis\":" + JSONText.quoted($0) } ?? "") + "}"
        }.joined(separator: ",") + "]"
        out += ",\"disabled\":[" + p.disabled.map { d in
            let title = rubrics.first { $0.id == d.rubric }.flatMap { r in r.ruleIndex(d.rule).map { r.rules[$0].title } }
            return "{\"rule\":" + JSONText.quoted(d.rubric + "/" + d.rule) + (title.map { ",\"title\":" + JSONText.quoted($0) } ?? "")
                + ",\"reason\":" + JSONText.quoted(d.reason) + "}"
        }.joined(separator: ",") + "]}"
        return out
    }

    /// SHA-256 of the profile file.
    public static func digest(_ p: Profile) throws(PingchaError) -> String {
        let d = SHA256Digest()
        d.update(try TextFile.read(p.path))
        return d.finish()
    }
}
