import Foundation
import PingchaDocuments
import PingchaModel
import PingchaCalendar

/// The bulletin (评查情况通报): facts → template → Markdown → document.
public enum BulletinDocument {
    public static func make(_ facts: BulletinFacts, templates: ReportTemplates, calendar: WorkingDayCalendar,
                            periods: RectificationPeriods) throws(PingchaError) -> OfficialDocument {
        let settings = templates.settings
        let issued = settings.date ?? facts.ranOn
        let view = BulletinView(facts: facts, settings: settings, issued: issued,
                                periodValues: periods.values(issued: issued, calendar: calendar))
        // Published: whatever the template or the data let through, no identifier survives —
        // except the bureau's own contact, which is meant to be called.
        let masked = try templates.document("bulletin", view.values(), charts: view.charts()).mappingText(PersonalDataMask.maskIdentifiers)
        guard let contact = settings.content.contact else { return masked }
        return masked.mappingText { $0.replacingOccurrences(of: view.contactPlaceholder, with: contact) }
    }
}
