/// The templates and settings built into the program (copies of `reports/templates/`).
enum BuiltInTemplates {
    static func text(_ file: String) -> String {
        let bytes: [UInt8] = switch file {
        case "bulletin.md.mustache": PackageResources.bulletin_md_mustache
        case "notice.md.mustache": PackageResources.notice_md_mustache
        case "stats.md.mustache": PackageResources.stats_md_mustache
        case "compare.md.mustache": PackageResources.compare_md_mustache
        case "followup.md.mustache": PackageResources.followup_md_mustache
        case "followup-status.md.mustache": PackageResources.followup_status_md_mustache
        case "analysis.md.mustache": PackageResources.analysis_md_mustache
        case "settings.yaml": PackageResources.settings_yaml
        default: []
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
