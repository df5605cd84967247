import ArgumentParser
import PingchaModel
import PingchaReports

/// The flags of every command that writes documents: which templates, and the organisation
/// and date that override `settings.yaml`. Commands that issue official documents add
/// ``IssuingOptions``.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("报告模板文件夹（缺少的模板用内置模板）。默认：reports/templates。", valueName: "DIR"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("发文机关（通报、整改通知书的版头和署名）。", valueName: "NAME"))
    var org: String?

    @Option(name: .long, help: ArgumentHelp("成文日期（通报、通知书落款的日期）。默认：批次运行的日期。", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, CivilDate(iso: date) == nil {
            throw ValidationError("--date 应为 YYYY-MM-DD 格式的日期，而不是“\(date)”")
        }
    }

    /// The request for a working document (statistics, comparison, follow-up status): no
    /// 发文字号 and no personal data to mask, so those flags are not offered there.
    var request: ReportRequest { request(issuing: nil) }

    func request(issuing: IssuingOptions?) -> ReportRequest {
        ReportRequest(templates: templates, organisation: org, documentNumber: issuing?.docNumber,
                      date: date.flatMap { CivilDate(iso: $0) }, maskAll: issuing?.maskAll ?? false)
    }
}

/// The flags of commands that issue official documents (the bulletin, notices, supervision
/// documents): their 发文字号, and masking in the internal ones too.
struct IssuingOptions: ParsableArguments {
    @Option(name: .customLong("doc-number"), help: ArgumentHelp("发文字号，如“克司通〔2025〕3号”，或只写编号（如 3）。", valueName: "TEXT"))
    var docNumber: String?

    @Flag(name: .customLong("mask-all"), help: "内部文件（整改通知书、scores.xlsx）也隐去个人信息。")
    var maskAll = false
}
