/// The figures of GB/T 9704-2012 that every format of an official document shares, so DOCX and
/// HTML cannot drift apart (they once printed two different reds and 27 characters a line).
public enum OfficialLayout {
    /// The one red of the 版头 (发文机关标志 and the separator line), as RRGGBB. The standard
    /// says only 红色; pure red is what Word's 公文 templates and WPS use, and it prints as the
    /// printer's solid red rather than a dull brown.
    public static let red = "FF0000"

    /// 版心: 156 mm × 225 mm.
    public static let typeAreaWidthMM = 156.0
    public static let typeAreaHeightMM = 225.0
    /// 3号 仿宋 for the body.
    public static let bodyPoints = 16.0
    /// 28 characters a line, 22 lines a page.
    public static let charactersPerLine = 28
    public static let linesPerPage = 22

    public static func points(millimetres mm: Double) -> Double { mm / 25.4 * 72 }

    /// How much closer than the font's own pitch the body's characters are set so that 28 fit
    /// the line: 28 三号 characters are 448 pt, the 156 mm line 442.2 pt, so each gives up
    /// 0.21 pt; rounded away from zero to Word's unit for character spacing (1/20 pt) that is
    /// −5, −0.25 pt: 28 × 15.75 = 441 pt fit, 29 × 15.75 = 456.75 pt do not. DOCX
    /// (w:spacing) and HTML (letter-spacing) use the same value, so their lines break alike.
    public static let bodySpacingTwentieths: Int = {
        let line = points(millimetres: typeAreaWidthMM)
        return Int(((line / Double(charactersPerLine) - bodyPoints) * 20).rounded(.down))
    }()
    /// −0.25 pt.
    public static var bodySpacing: Double { Double(bodySpacingTwentieths) / 20 }
    /// One body character with its spacing: 15.75 pt. Indents in characters count in it.
    public static var bodyPitch: Double { bodyPoints + bodySpacing }
    /// 22 lines in the 225 mm type area: 28.95 pt (Word's 579 twips).
    public static let linePitchPoints = 28.95
}
