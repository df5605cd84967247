import PingchaModel
import PingchaIngest
#if canImport(Glibc)
import Glibc
#endif

/// One output file being written: rows collect in a reusable buffer that is encoded and
/// handed to the sink about every megabyte, so memory stays flat however many rows there are.
final class OutputChannel {
    /// Rows are appended here directly by ``RowWriter``.
    var buffer: [UInt8] = []
    private var encoded: [UInt8] = []
    private let transcoder: Transcoder?
    private let emit: (UnsafeRawBufferPointer) -> Void
    private(set) var bytes = 0

    static let flushSize = 1 << 20

    init(encoding: ExportEncoding, emit: @escaping (UnsafeRawBufferPointer) -> Void) throws(GeneratorError) {
        if encoding == .gb18030 {
            guard let t = Transcoder(from: "UTF-8", to: "GB18030") else { throw .encodingUnavailable("GB18030") }
            transcoder = t
        } else {
            transcoder = nil
        }
        self.emit = emit
        buffer.reserveCapacity(OutputChannel.flushSize + 64 * 1024)
        if encoding == .utf8BOM { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    @inline(__always)
    func flushIfFull() {
        if buffer.count >= OutputChannel.flushSize { flush(final: false) }
    }

    func flush(final: Bool) {
        if let transcoder {
            // Moved out and back so that the closure does not touch a property of self.
            var output: [UInt8] = []
            swap(&output, &encoded)
            output.removeAll(keepingCapacity: true)
            let failure = buffer.withUnsafeBytes { (raw) -> Transcoder.Failure? in
                do throws(Transcoder.Failure) {
                    try transcoder.convert(raw, final: final, into: &output)
                    return nil
                } catch { return error }
            }
            encoded = output
            // The buffer is UTF-8 the generator wrote itself and GB18030 encodes every Unicode
            // scalar: a failure here is a bug, not a data problem.
            if let failure { preconditionFailure("GB18030 转码失败：\(failure)") }
            encoded.withUnsafeBytes { emit($0) }
            bytes += encoded.count
        } else {
            buffer.withUnsafeBytes { emit($0) }
            bytes += buffer.count
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A file written under a temporary name and renamed into place only when complete, so an
/// interrupted run never leaves a half-written export that looks finished.
final class FileTarget {
    let path: String
    private let partialPath: String
    private var file: UnsafeMutablePointer<FILE>?
    private var failure: Int32 = 0

    init(path: String) throws(GeneratorError) {
        self.path = path
        partialPath = path + ".partial"
        // Said in Chinese before fopen says it in English ("Is a directory").
        if let problem = PathText.fileProblem(path, createsParents: false) { throw .cannotWrite(path: path, detail: problem) }
        guard let f = fopen(partialPath, "wb") else {
            throw .cannotWrite(path: path, detail: SystemErrorText.current)
        }
        file = f
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == 0, let file, let base = bytes.baseAddress, bytes.count > 0 else { return }
        if fwrite(base, 1, bytes.count, file) != bytes.count { failure = errno }
    }

    func commit() throws(GeneratorError) {
        if let file, fclose(file) != 0, failure == 0 { failure = errno }
        file = nil
        if failure == 0, rename(partialPath, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(partialPath)
            throw .cannotWrite(path: path, detail: SystemErrorText.text(failure))
        }
    }

    func abandon() {
        if let file { fclose(file) }
        file = nil
        unlink(partialPath)
    }

    deinit { if file != nil { abandon() } }

    /// Creates `path` and its missing parents.
    static func makeDirectory(_ path: String) throws(GeneratorError) {
        if let problem = PathText.folderProblem(path, replacing: false) { throw .cannotWrite(path: path, detail: problem) }
        var isDir = stat()
        if stat(path, &isDir) == 0 {
            if (isDir.st_mode & S_IFMT) == S_IFDIR { return }
            throw .cannotWrite(path: path, detail: "已存在同名文件，不是文件夹")
        }
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty { try makeDirectory(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw .cannotWrite(path: path, detail: SystemErrorText.current)
        }
    }
}
