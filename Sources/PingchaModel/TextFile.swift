#if canImport(Glibc)
import Glibc
#endif

/// Small UTF-8 text files (catalogues, rubrics, mapping files): read whole.
public enum TextFile {
    public static func read(_ path: String) throws(PingchaError) -> String {
        // fopen opens a folder, which then reads as empty: a mistyped path must not pass as an empty file.
        if Directory.kind(path) == .folder { throw PathText.folderNotFile(path) }
        guard let fp = fopen(path, "rb") else {
            if errno == ENOENT || errno == ENOTDIR { throw PathText.notFound(path) }
            throw .unreadable(path, detail: SystemErrorText.current)
        }
        defer { fclose(fp) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, fp)
            if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // A file saved as GBK (Notepad's “ANSI”) would otherwise load with its Chinese turned to “�”.
        // The line only: in the editor that shows the GBK text, the columns are not UTF-8's.
        if let line = firstInvalidUTF8(bytes) {
            throw .located(SourceLocation(file: path, line: line),
                           "文件不是 UTF-8 编码（可能是 GBK，如记事本另存为“ANSI”）；请另存为 UTF-8")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The line (from 1) of the first byte that is not UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s == "\n" { line += 1 }
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }
}
