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
        return String(decoding: bytes, as: UTF8.self)
    }
}
