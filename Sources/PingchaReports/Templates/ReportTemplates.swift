import Foundation
import Mustache
import PingchaDocuments
import PingchaModel

/// The report templates (`reports/templates/*.md.mustache`) and `settings.yaml`.
///
/// A bureau edits the files in `reports/templates/` (or points `--templates` at its own
/// folder); any file missing there falls back to the copy built into the program, so an
/// override can be a single template.
public struct ReportTemplates: Sendable {
    /// The templates every report needs, by name (file `<name>.md.mustache`).
    public static let names = ["bulletin", "notice", "stats", "compare", "followup", "followup-status", "analysis"]
    public static let defaultDirectory = "reports/templates"

    /// From `settings.yaml`, with any command-line overrides applied by the caller.
    public var settings: ReportSettings
    /// Where each template came from (a path, or "内置" for the built-in copy).
    public let sources: [String: String]
    /// Each template's text as read, to find a rendered line's template line (``TemplateLineMap``).
    private let texts: [String: String]
    private let library: MustacheLibrary

    /// Loads from `directory`; nil means `reports/templates` when it exists, else the built-in set.
    public static func load(directory: String?) throws(PingchaError) -> ReportTemplates {
        var folder = directory
        if let d = folder {
            guard Directory.kind(d) == .folder else {
                throw Directory.exists(d) ? .unreadable(d, detail: "这是一个文件，--templates 需要的是模板文件夹") : PathText.notFound(d)
            }
        } else if FileManager.default.fileExists(atPath: defaultDirectory) {
            folder = defaultDirectory
        }
        registerContentType
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var texts: [String: String] = [:]
        for name in names {
            let file = "\(name).md.mustache"
            let (text, source) = try read(file, in: folder)
            do {
                // The pragma makes {{value}} escape for Markdown instead of HTML; it sits on the
                // first line without a newline of its own, so line numbers in errors stay right.
                try library.register(Self.pragma + text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                if unclosed(error.error), let open = UnclosedTag.find(in: text) {
                    // Found only at the end of the file by the parser: named where it was opened.
                    let what: String
                    switch open.kind {
                    case .tag: what = "标签未闭合：“{{”之后缺少“}}”"
                    case .section(let name): what = "区块 {{#\(name)}} 缺少结束标签 {{/\(name)}}"
                    }
                    throw .located(SourceLocation(file: source, line: open.line, column: open.column), "模板语法错误（\(what)）：\(open.text)")
                }
                // A column on the first line is further right by the pragma's length.
                let column = error.context.lineNumber == 1 ? max(1, error.context.columnNumber - Self.pragma.count) : error.context.columnNumber
                let line = error.context.line.replacingOccurrences(of: Self.pragma, with: "")
                throw .located(SourceLocation(file: source, line: error.context.lineNumber, column: column),
                               "模板语法错误（\(describe(error.error))）" + (line.isEmpty ? "" : "：\(line)"))
            } catch {
                throw .located(SourceLocation(file: source), "模板语法错误：\(error)")
            }
            sources[name] = source
            texts[name] = text
        }
        let (settingsText, settingsSource) = try read("settings.yaml", in: folder)
        let settings = try ReportSettings.parse(yaml: settingsText, path: settingsSource)
        return ReportTemplates(settings: settings, sources: sources, texts: texts, library: library)
    }

    /// Renders template `name` with `view` (dictionaries, arrays, strings, booleans), and the
    /// settings' official-layout values (``ReportSettings/layoutValues``: 发文字号, 主送, 版记) that
    /// the view does not set itself, so every template's front matter can print them.
    public func render(_ name: String, _ view: [String: Any]) -> String {
        library.render(withLayoutValues(view), withTemplate: name) ?? ""
    }

    private func withLayoutValues(_ view: [String: Any]) -> [String: Any] {
        var view = view
        for (key, value) in settings.layoutValues where view[key] == nil { view[key] = value }
        return view
    }

    /// Put before every template's text: values are escaped for Markdown (``MarkdownContentType``).
    private static let pragma = "{{% CONTENT_TYPE: MARKDOWN }}"

    /// Renders template `name` and reads the Markdown into a document, with the charts the
    /// template may place.
    /// A mistake in the rendered Markdown is reported at the template's line (``TemplateLineMap``).
    public func document(_ name: String, _ view: [String: Any], charts: [String: Chart] = [:]) throws(PingchaError) -> OfficialDocument {
        let source = sources[name] ?? "\(name).md.mustache"
        do {
            return try MarkdownReader(source: source, charts: charts).read(render(name, view))
        } catch .located(var location, let message) where location.file == source && location.line != nil {
            location.line = templateLine(name, view, renderedLine: location.line!)
            location.column = nil
            throw .located(location, message)
        }
    }

    /// The template line that printed line `renderedLine` (1-based) of template `name` rendered
    /// with `view`; nil when the line cannot be traced (it is then left out of the message rather
    /// than pointing at the wrong line).
    func templateLine(_ name: String, _ view: [String: Any], renderedLine: Int) -> Int? {
        guard let text = texts[name] else { return nil }
        var marked = MustacheLibrary()
        do {
            try marked.register(Self.pragma + TemplateLineMap.marked(text), named: name)
        } catch {
            return nil
        }
        let lines = TemplateLineMap.templateLines(ofRendered: marked.render(withLayoutValues(view), withTemplate: name) ?? "")
        return renderedLine - 1 < lines.count ? lines[renderedLine - 1] : nil
    }

    private static func read(_ file: String, in folder: String?) throws(PingchaError) -> (String, String) {
        if let folder {
            let path = PathText.joined(folder, file)
            if FileManager.default.fileExists(atPath: path) {
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw .unreadable(path, detail: "无法以 UTF-8 读取模板")
                }
                return (text, path)
            }
        }
        return (BuiltInTemplates.text(file), "内置 \(file)")
    }

    /// The parser's errors for a tag or section still open when the file ends.
    private static func unclosed(_ error: Error) -> Bool {
        switch error as? MustacheTemplate.Error {
        case .expectedSectionEnd?, .unfinishedName?: return true
        default: break
        }
        return "\(error)" == "overflow"
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "结束标签与开始的区块名不一致"
        case .unfinishedName: "标签未闭合"
        case .expectedSectionEnd: "区块缺少结束标签 {{/…}}"
        case .invalidSetDelimiter: "分隔符设置有误"
        case .unrecognisedConfigVariable, .invalidConfigVariableSyntax: "无法识别的 {{% … }} 设置"
        default:
            // The parser's own error (internal to swift-mustache): the file ended inside a tag.
            "\(error)" == "overflow" ? "标签未闭合：文件在“}}”之前结束" : "\(error)"
        }
    }

    private static let registerContentType: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()
}

/// Values put into a Markdown template are escaped for Markdown (table bars, emphasis).
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
}
