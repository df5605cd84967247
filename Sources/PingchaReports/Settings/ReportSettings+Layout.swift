import PingchaDocuments
import PingchaModel

extension ReportSettings {
    /// The bulletin's 发文字号 as the templates print it: the pattern with the registry's number,
    /// `{year}` left for the document's reader to fill from the 成文日期 (and `{number}`, when no
    /// number is set, for it to print as a visible blank). Never nil: a bulletin always carries
    /// its number or the blank for it. Setting it sets the pattern (nil: the default).
    public var documentNumber: String? {
        get { DocumentNumber.numbered(documentNumberPattern, documentNumberSeq) }
        set { documentNumberPattern = newValue.flatMap { $0.isEmpty ? nil : $0 } ?? DocumentNumber.defaultPattern }
    }

    /// The values of the official layout every template may use, mostly in its front matter:
    /// `documentNumber`, `noticeNumber`, `recipients`, `copyTo` (the 抄送 joined with ，),
    /// `printedBy` (the organisation unless set) and `printedOn` (empty: the 成文日期). A view's
    /// own value of the same name wins.
    public var layoutValues: [String: Any] {
        [
            "documentNumber": documentNumber ?? "",
            "noticeNumber": noticeNumberPattern,
            "recipients": recipients,
            "copyTo": copyTo.joined(separator: "，"),
            "printedBy": printedBy ?? organisation,
            "printedOn": printedOn?.chineseText ?? "",
        ]
    }
}
