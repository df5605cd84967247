import Foundation
import PingchaModel
#if canImport(Glibc)
import Glibc
#endif

/// Serialises runs that write the same store: an exclusive `flock` on `<db>.lock`.
///
/// SQLite's own busy handling does not cover every case (two runs creating a new file
/// race on switching it to WAL, and one fails at once), so writers queue here first; the
/// second run waits for the first, and says so.
public final class WriterLock {
    private let fd: Int32

    /// Waits for the lock up to `timeout` seconds; `onWait` is called once if it must wait.
    /// `creating`: the store may not exist yet (`run`); otherwise a missing store is refused
    /// before the lock file (and its folders) is made, so nothing is left behind.
    public init(databasePath: String, timeout: TimeInterval, creating: Bool = true, onWait: () -> Void) throws {
        if let problem = PathText.fileProblem(databasePath, createsParents: true) { throw PathText.error(databasePath, problem) }
        if !creating { try StoreConnection.requireExisting(databasePath) }
        let path = databasePath + ".lock"
        let dir = PathText.parent(path)
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.sqlite(path: path, detail: SystemErrorText.current) }
        let deadline = Date().addingTimeInterval(timeout)
        var told = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(fd)
                throw StoreError.sqlite(path: path, detail: SystemErrorText.current)
            }
            if !told { onWait(); told = true }
            if Date() > deadline {
                close(fd)
                throw StoreError.busy(path: databasePath, waited: timeout)
            }
            usleep(100_000)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
