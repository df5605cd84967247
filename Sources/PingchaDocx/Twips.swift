import PingchaDocuments

/// Lengths in WordprocessingML's units. Page geometry is in twips (1/20 pt, 1/1440 inch); font
/// sizes in half-points; border widths in eighths of a point.
enum Twips {
    /// GB/T 9704 gives distances in millimetres; 1 mm = 1440 / 25.4 ≈ 56.7 twips.
    static func millimetres(_ mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }

    static func points(_ pt: Double) -> Int { Int((pt * 20).rounded()) }

    /// Half-points for w:sz.
    static func halfPoints(_ pt: Double) -> Int { Int((pt * 2).rounded()) }

    /// The width of `count` full-width characters at `pt`: what Word's "字符" unit means for an
    /// indent when a reader has no support for the w:…Chars attributes.
    static func characters(_ count: Double, atPoints pt: Double) -> Int { Int((count * pt * 20).rounded()) }

    /// `count` characters of the body text as set (``PageGeometry/characterPitch``, 15.75 pt):
    /// indents in the body that line up with the characters above and below.
    static func gridCharacters(_ count: Double) -> Int { Int((count * PageGeometry.characterPitch * 20).rounded()) }
}

/// The A4 page and type area (版心) of GB/T 9704-2012.
enum PageGeometry {
    static let width = 11906
    static let height = 16838
    /// 天头 37 mm.
    static let top = Twips.millimetres(37)
    /// 35 mm.
    static let bottom = Twips.millimetres(35)
    /// 订口 28 mm.
    static let left = Twips.millimetres(28)
    /// 26 mm.
    static let right = Twips.millimetres(26)
    /// The type area is 156 mm wide.
    static var textWidth: Int { width - left - right }

    /// 22 lines in the 225 mm type area: 225 mm / 22 ≈ 28.95 pt, the fixed line spacing that
    /// makes a 三号 page hold the standard 22 lines.
    static let linePitch = 579

    /// 28 characters a line. 28 三号 characters are 448 pt, the type area 442.25 pt (8845 twips):
    /// at the font's own pitch only 27 fit. The body's runs are set closer by
    /// ``OfficialLayout/bodySpacing`` (w:spacing −5, −0.25 pt), the same as the HTML's
    /// letter-spacing: 28 × 15.75 pt = 441 pt fit, 29 do not.
    ///
    /// Not a character grid (w:docGrid w:type="linesAndChars" w:charSpace="−842"): Word would
    /// squeeze each character onto a 15.79 pt pitch, but LibreOffice sets a 16 pt character in
    /// two 15.79 pt cells, 12 to 14 characters a line (rendered and seen). The line grid
    /// (w:type="lines", 579 twips) stays: Word's 页面设置 shows the 22 lines.
    static var characterPitch: Double { OfficialLayout.bodyPitch }
}

extension PageGeometry {
    /// GB/T 9704 7.5: the page number's dash 7 mm under the type area. The type area ends 35 mm
    /// above the paper's edge and the 四号 footer line is about 7 mm high, so the footer's
    /// bottom sits 21 mm above the edge.
    static let footerDistance = Twips.millimetres(21)
}
