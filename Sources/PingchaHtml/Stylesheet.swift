import Foundation
import PingchaDocuments

/// The page's CSS: a sheet of A4 on screen, the layout of GB/T 9704 (党政机关公文格式) in print.
///
/// It holds no `<` or `&`, so the `<style>` element's content reads the same to an HTML
/// parser (raw text) and to an XML parser (character data).
enum Stylesheet {
    /// 方正小标宋 for the title and issuer; Noto/Source Han Serif and SimSun where it is missing.
    static let titleFonts = #""方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif"#
    /// 仿宋_GB2312 for the body, as the standard asks; Windows and macOS ship 仿宋 under other names.
    static let bodyFonts = #""仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif"#
    /// 黑体 for 一、 headings and captions.
    static let headingFonts = #""黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif"#
    /// 楷体_GB2312 for （一） headings.
    static let kaiFonts = #""楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif"#
    /// 宋体 for page numbers.
    static let songFonts = #""宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif"#

    /// The one red of the 版头, the same as the DOCX's (``OfficialLayout/red``).
    static let red = "#" + OfficialLayout.red

    /// 28 characters a line, as GB/T 9704 asks: at the font's own 16 pt only 27 fit the 156 mm
    /// line (28 are 448 pt, the line 442.2 pt), so the body's characters are set 0.25 pt closer
    /// (``OfficialLayout/bodySpacing``, the DOCX's w:spacing too): 28 × 15.75 pt fit, 29 do not.
    static let bodyLetterSpacing = OfficialLayout.bodySpacing
    /// One character of the body: 15.75 pt. Indents count in it (`--pitch`).
    static var pitch: Double { OfficialLayout.bodyPitch }
    /// 22 lines in the 225 mm type area, the DOCX's 579 twips.
    static let linePitch = OfficialLayout.linePitchPoints

    static func pt(_ value: Double) -> String { SVGNumber.format((value * 100).rounded() / 100) + "pt" }

    static let css = """
    @page {
      size: A4;
      margin: 37mm 26mm 35mm 28mm;
    }
    /* Page numbers as GB/T 9704 places them: "— 1 —" in 4号 宋体 7 mm under the type area,
       odd pages on the right and even pages on the left, one character in from the edge.
       Browsers without page-margin boxes simply print no numbers. */
    @page :right {
      @bottom-right {
        content: "— " counter(page) " —";
        font-family: \(songFonts);
        font-size: 14pt;
        vertical-align: top;
        padding-top: 4mm;
        padding-right: 1em;
      }
    }
    @page :left {
      @bottom-left {
        content: "— " counter(page) " —";
        font-family: \(songFonts);
        font-size: 14pt;
        vertical-align: top;
        padding-top: 4mm;
        padding-left: 1em;
      }
    }
    html {
      background: #e8e8e8;
    }
    body {
      margin: 0;
      padding: 24px 0;
      color: #000;
      font-family: \(bodyFonts);
      font-size: 16pt;
      line-height: \(pt(linePitch));
      -webkit-print-color-adjust: exact;
      print-color-adjust: exact;
    }
    .document {
      box-sizing: border-box;
      width: 210mm;
      min-height: 297mm;
      margin: 0 auto;
      padding: 37mm 26mm 35mm 28mm;
      background: #fff;
      box-shadow: 0 1px 8px rgba(0, 0, 0, 0.25);
      /* 28 characters a line (Stylesheet.bodyLetterSpacing); indents count in --pitch. */
      --pitch: \(pt(pitch));
      letter-spacing: \(pt(bodyLetterSpacing));
    }
    p {
      margin: 0;
      text-align: justify;
      text-indent: calc(2 * var(--pitch));
      orphans: 2;
      widows: 2;
    }
    .masthead {
      text-align: center;
      border-bottom: 1.5pt solid \(red);
      padding-bottom: 4mm;
      margin-bottom: \(pt(2 * linePitch));
    }
    .masthead p {
      text-align: center;
      text-indent: 0;
    }
    .issuer {
      color: \(red);
      font-family: \(titleFonts);
      font-size: var(--issuer-size, 2.5em);
      letter-spacing: 0.1em;
      line-height: 1.3;
      margin-bottom: 0.7em;
      white-space: nowrap;
    }
    h1.title, h1.attachment-title {
      margin: 0 0 1em;
      letter-spacing: normal;
      font-family: \(titleFonts);
      font-size: 22pt;
      font-weight: normal;
      line-height: 1.5;
      text-align: center;
      text-wrap: balance;
    }
    p.recipients {
      text-indent: 0;
    }
    h2, h3, h4 {
      margin: 0;
      font-size: 1em;
      line-height: inherit;
      text-indent: calc(2 * var(--pitch));
      break-after: avoid;
      page-break-after: avoid;
    }
    h2 {
      font-family: \(headingFonts);
      font-weight: normal;
    }
    h3 {
      font-family: \(kaiFonts);
      font-weight: normal;
    }
    h4 {
      font-family: \(bodyFonts);
      font-weight: bold;
    }
    strong {
      font-weight: bold;
    }
    .table-wrap {
      margin: 0.6em 0;
      overflow-x: auto;
    }
    /* Column widths come from the content (a colgroup, the same computation as the DOCX). */
    table {
      width: 100%;
      table-layout: fixed;
      border-collapse: collapse;
      font-size: 12pt;
      line-height: 1.5;
      letter-spacing: normal;
    }
    /* A table's title never stays behind at the foot of a page. */
    caption {
      break-after: avoid;
      page-break-after: avoid;
      caption-side: top;
      padding-bottom: 0.4em;
      font-family: \(headingFonts);
      font-size: 14pt;
      text-align: center;
    }
    thead {
      display: table-header-group;
    }
    tr {
      break-inside: avoid;
      page-break-inside: avoid;
    }
    th, td {
      border: 1px solid #000;
      padding: 0.2em 0.3em;
      vertical-align: middle;
    }
    th {
      font-family: \(headingFonts);
      font-weight: normal;
      text-align: center;
      background: #f2f2f2;
    }
    /* Case numbers are never broken over two lines. */
    th.nowrap, td.nowrap {
      white-space: nowrap;
    }
    td.align-right {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    td.align-center {
      text-align: center;
      white-space: nowrap;
    }
    figure.chart {
      margin: 0.8em 0;
      letter-spacing: normal;
      text-align: center;
      break-inside: avoid;
      page-break-inside: avoid;
    }
    figure.chart svg {
      display: block;
      margin: 0 auto;
      max-width: 100%;
      height: auto;
    }
    figcaption {
      margin-top: 0.3em;
      font-family: \(headingFonts);
      font-size: 14pt;
      line-height: 1.5;
      text-align: center;
    }
    /* 署名 centred over 成文日期, the pair four characters in from the right (右空四字). */
    .signature {
      display: table;
      margin: 2em calc(4 * var(--pitch)) 0 auto;
      break-inside: avoid;
      page-break-inside: avoid;
    }
    .signature p {
      text-align: center;
      text-indent: 0;
    }
    .page-break {
      break-before: page;
      page-break-before: always;
    }
    /* 附件说明: one line under the body; the hanging indents are on each line. */
    .attachment-notes {
      margin-top: \(pt(linePitch));
    }
    p.attachment-note {
      text-align: left;
    }
    /* 附件: a new page, 附件1 in 黑体 at the top left, the title on the third line. */
    .attachment {
      break-before: page;
      page-break-before: always;
    }
    p.attachment-label {
      font-family: \(headingFonts);
      text-indent: 0;
    }
    h1.attachment-title {
      margin-top: \(pt(linePitch));
    }
    /* 版记: 4号, between a 0.35 mm rule above and below and a 0.25 mm rule between its lines,
       one character in on each side. */
    .colophon {
      margin-top: \(pt(2 * linePitch));
      border-top: 0.35mm solid #000;
      border-bottom: 0.35mm solid #000;
      font-size: 14pt;
      letter-spacing: normal;
      break-inside: avoid;
      page-break-inside: avoid;
    }
    .colophon p {
      text-indent: 0;
      padding: 0 1em;
      text-align: left;
    }
    .colophon p.copy-to {
      padding-left: 4em;
      text-indent: -3em;
    }
    .colophon p + p {
      border-top: 0.25mm solid #000;
    }
    .colophon p.printed {
      display: flex;
      justify-content: space-between;
    }
    @media screen {
      .page-break, .attachment {
        margin-top: 1.5em;
        border-top: 1px dashed #b0b0b0;
        padding-top: 1.5em;
      }
      .page-break {
        margin: 1.5em -26mm 1.5em -28mm;
        padding-top: 0;
      }
    }
    @media screen and (max-width: 800px) {
      body {
        padding: 0;
      }
      body {
        font-size: 13pt;
      }
      .document {
        width: auto;
        min-height: 0;
        padding: 6mm 5mm;
        box-shadow: none;
      }
      .page-break {
        margin: 1.5em -5mm;
      }
      .issuer {
        font-size: min(var(--issuer-size, 2.5em), 8vw);
        white-space: normal;
      }
      h1.title {
        font-size: 18pt;
      }
      table {
        min-width: 30em;
      }
    }
    @media print {
      html, body {
        background: none;
        padding: 0;
      }
      .document {
        width: auto;
        min-height: 0;
        padding: 0;
        margin: 0;
        box-shadow: none;
      }
      .table-wrap {
        overflow: visible;
      }
    }

    """

    /// CSS supplied by the caller, made safe to put inside `<style>`: a CDATA section (hidden
    /// from CSS in comments) lets it hold `<` and `&` for an XML parser, and `</` is written
    /// `<\/` (the same thing to CSS) so it cannot close the element early for an HTML parser.
    static func embeddable(_ css: String) -> String {
        let safe = css
            .replacingOccurrences(of: "</", with: "<\\/")
            .replacingOccurrences(of: "]]>", with: "]]\\>")
        return "/*<![CDATA[*/\n\(safe)\n/*]]>*/\n"
    }
}
