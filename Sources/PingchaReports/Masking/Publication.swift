/// Who a document is for decides what personal data it may show.
public enum Audience: Sendable, Equatable {
    /// Published (the bulletin): names per the settings, identifiers always masked.
    case published(ReportSettings.NameMasking)
    /// Internal (notices, scores.xlsx): as exported, unless masking is asked for everything.
    case internalUse(maskAll: Bool)

    public init(publishedWith settings: ReportSettings) { self = .published(settings.nameMasking) }
    public init(internalWith settings: ReportSettings) { self = .internalUse(maskAll: settings.maskAll) }

    var masksNames: Bool {
        switch self {
        case .published(let mode): mode == .surname
        case .internalUse(let all): all
        }
    }

    var masksIdentifiers: Bool {
        switch self {
        case .published: true
        case .internalUse(let all): all
        }
    }

    /// The party as this audience may see it.
    public func party(_ name: String?, type: String?) -> String? {
        guard let name, !name.isEmpty else { return nil }
        let shown = masksNames ? NameMask.publishedName(name, partyType: type) : name
        return masksIdentifiers ? PersonalDataMask.maskIdentifiers(shown) : shown
    }

    /// Free text of a case (cause, reasons) as this audience may see it: the party's own name
    /// replaced where the party is masked, identifiers masked.
    public func text(_ text: String, partyName: String?, partyType: String?) -> String {
        var out = text
        if masksNames, let name = partyName {
            out = NameMask.replacing(name, with: NameMask.publishedName(name, partyType: partyType), in: out)
        }
        return masksIdentifiers ? PersonalDataMask.maskIdentifiers(out) : out
    }

    /// Any other text (department names, problems, figures).
    public func text(_ text: String) -> String {
        masksIdentifiers ? PersonalDataMask.maskIdentifiers(text) : text
    }
}
