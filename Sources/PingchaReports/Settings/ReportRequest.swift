import PingchaModel

/// What the command line asks of the documents: which templates, and the settings that
/// override `settings.yaml` for this run.
public struct ReportRequest: Sendable, Equatable {
    /// `--templates DIR`; nil means `reports/templates` when present, else the built-in set.
    public var templates: String?
    /// `--org`.
    public var organisation: String?
    /// `--doc-number`.
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
        if let documentNumber { templates.settings.documentNumber = documentNumber.isEmpty ? nil : documentNumber }
        if let date { templates.settings.date = date }
        if maskAll { templates.settings.maskAll = true }
        return templates
    }
}
