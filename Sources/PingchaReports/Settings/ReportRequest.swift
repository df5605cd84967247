import PingchaModel

/// What the command line asks of the documents: which templates, and the settings that
/// override `settings.yaml` for this run.
public struct ReportRequest: Sendable, Equatable {
    /// `--templates DIR`; nil means `reports/templates` when present, else the built-in set.
    public var templates: String?
    /// `--org`.
    public var organisation: String?
    /// `--doc-number`: the bulletin's number ("3", with the pattern of the settings) or the whole
    /// 发文字号 ("克司通〔2025〕3号", or a pattern with `{year}` and `{number}`).
    public var documentNumber: String?
    /// `--date`.
    public var date: CivilDate?
    /// `--mask-all`.
    public var maskAll = false

    public init(templates: String? = nil, organisation: String? = nil, documentNumber: String? = nil, date: CivilDate? = nil,
                maskAll: Bool = false) {
        self.templates = templates
        self.organisation = organisation
        self.documentNumber = documentNumber
        self.date = date
        self.maskAll = maskAll
    }

    /// The templates with this request's overrides applied.
    public func loadTemplates() throws(PingchaError) -> ReportTemplates {
        var templates = try ReportTemplates.load(directory: templates)
        if let organisation { templates.settings.organisation = organisation }
        if let documentNumber {
            if let n = Int(documentNumber.trimmingSpaces), n > 0 {
                templates.settings.documentNumberSeq = n
            } else {
                templates.settings.documentNumber = documentNumber.isEmpty ? nil : documentNumber
            }
        }
        if let date { templates.settings.date = date }
        if maskAll { templates.settings.maskAll = true }
        return templates
    }
}
