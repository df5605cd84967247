import Foundation
import PingchaModel
#if canImport(Glibc)
import Glibc
#endif

/// Reports are written to a temporary folder beside the destination and moved into place
/// only when every file is complete: a failure leaves the previous reports untouched.
struct OutputFolder {
    let destination: String
    let staging: String

    init(destination: String) throws(PingchaError) {
        // `reports/B/` names the folder `reports/B`: with the slash, the previous reports were
        // moved into themselves when replaced.
        self.destination = PathText.trimmingTrailingSlashes(destination)
        if let problem = PathText.folderProblem(destination, replacing: true) { throw PathText.error(destination, problem) }
        let parent = PathText.parent(self.destination)
        let name = PathText.name(self.destination)
        staging = PathText.joined(parent.isEmpty ? "." : parent, ".\(name).partial-\(getpid())")
        do {
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(destination, detail: "无法创建输出文件夹：\(SystemErrorText.text(of: error))")
        }
    }

    func path(_ file: String) -> String { staging + "/" + file }

    func write(_ file: String, _ text: String) throws(PingchaError) {
        let p = path(file)
        let dir = PathText.parent(p)
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        } catch {
            throw .unwritable(p, detail: SystemErrorText.text(of: error))
        }
    }

    /// Puts the staged files in place: each file or folder staged replaces the one of the same
    /// name (a department's notices as a whole: no notice of an earlier run lingers), and
    /// whatever else the destination holds stays — the draw record and the reviewers'
    /// scoresheets in its `sample/` and `assignment/`, documents issued in the follow-up, a
    /// user's own files. (The whole folder was replaced, and reviewers' work with it.) All or
    /// nothing: a failed move puts back what was there.
    func commit() throws(PingchaError) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: destination) else {
            do { try fm.moveItem(atPath: staging, toPath: destination) } catch {
                discard()
                throw .unwritable(destination, detail: "无法创建输出文件夹：\(SystemErrorText.text(of: error))")
            }
            return
        }
        let parent = PathText.parent(destination)
        let aside = PathText.joined(parent.isEmpty ? "." : parent, ".\(PathText.name(destination)).old-\(getpid())")
        let names = ((try? fm.contentsOfDirectory(atPath: staging)) ?? []).sorted()
        var displaced: [String] = [], placed: [String] = []
        do {
            try? fm.removeItem(atPath: aside)
            try fm.createDirectory(atPath: aside, withIntermediateDirectories: true)
            for name in names {
                let target = PathText.joined(destination, name)
                if fm.fileExists(atPath: target) {
                    try fm.moveItem(atPath: target, toPath: PathText.joined(aside, name))
                    displaced.append(name)
                }
                try fm.moveItem(atPath: PathText.joined(staging, name), toPath: target)
                placed.append(name)
            }
        } catch {
            for name in placed { try? fm.moveItem(atPath: PathText.joined(destination, name), toPath: PathText.joined(staging, name)) }
            for name in displaced { try? fm.moveItem(atPath: PathText.joined(aside, name), toPath: PathText.joined(destination, name)) }
            try? fm.removeItem(atPath: aside)
            discard()
            throw .unwritable(destination, detail: "无法写入输出文件夹：\(SystemErrorText.text(of: error))")
        }
        try? fm.removeItem(atPath: aside)
        discard()
    }

    /// Adds the staged files to the destination and leaves what it already holds: documents
    /// issued before, a draw record, scoresheets a reviewer may have filled in are kept, never
    /// replaced. A staged file the destination already holds with other contents stops it
    /// before anything moves; one it holds byte for byte (the same draw drawn again) is left.
    func commitAdding() throws(PingchaError) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: destination) else { return try commit() }
        var names = ((try? fm.contentsOfDirectory(atPath: staging)) ?? []).sorted()
        names.removeAll { fm.contentsEqual(atPath: PathText.joined(staging, $0), andPath: PathText.joined(destination, $0)) }
        if let clash = names.first(where: { fm.fileExists(atPath: PathText.joined(destination, $0)) }) {
            discard()
            throw .unwritable(PathText.joined(destination, clash),
                              detail: "文件夹中已有同名文件，不覆盖已有的文书、抽样记录和评查表；本次输出已全部撤销，原有文件未改动（可用 --out 指定另一个文件夹，或先移走原有文件）")
        }
        var moved: [String] = []
        do {
            for name in names {
                try fm.moveItem(atPath: PathText.joined(staging, name), toPath: PathText.joined(destination, name))
                moved.append(name)
            }
        } catch {
            for name in moved { try? fm.moveItem(atPath: PathText.joined(destination, name), toPath: PathText.joined(staging, name)) }
            discard()
            throw .unwritable(destination, detail: "无法写入输出文件夹：\(SystemErrorText.text(of: error))；本次输出已全部撤销，原有文件未改动")
        }
        discard()
    }

    func discard() { try? FileManager.default.removeItem(atPath: staging) }

    /// Discards the staged folder after `error`, and gives the error as the user should read
    /// it: a file it names in the staged folder (gone by now) is named where it was to go, and
    /// a failed write says that nothing was left half-written.
    func discard(after error: PingchaError) -> PingchaError {
        discard()
        guard case .unwritable(let path, let detail) = error else { return error }
        let shown = path == staging ? destination
            : path.hasPrefix(staging + "/") ? destination + path.dropFirst(staging.count) : path
        return .unwritable(shown, detail: detail + "；本次输出已全部撤销，原有文件未改动")
    }
}
