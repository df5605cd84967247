/// Text made safe for XML and HTML: the five markup characters escaped, and characters that
/// XML 1.0 forbids (control characters that come in from messy exports) dropped, since a single
/// one makes Word refuse the whole file.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        // One pass over the bytes decides: markup characters, control characters, and U+FFFE /
        // U+FFFF (EF BF BE / EF BF BF in UTF-8).
        var needsWork = false
        var previous: (UInt8, UInt8) = (0, 0)
        for u in text.utf8 {
            if u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0x27 || (u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D)
                || (previous == (0xEF, 0xBF) && (u == 0xBE || u == 0xBF)) {
                needsWork = true
                break
            }
            previous = (previous.1, u)
        }
        if !needsWork { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || isForbiddenAboveASCII(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isForbiddenAboveASCII(_ s: Unicode.Scalar) -> Bool {
        s.value == 0xFFFE || s.value == 0xFFFF
    }
}
