import Foundation
internal import GRDB
import PingchaModel

/// An open store file (评查数据库): the one door to SQLite for the rest of the program.
///
/// Everything else reads and writes through a ``StoreSession`` inside ``read(_:)`` or
/// ``write(deferringCheckpoints:_:)`` and gets plain values back (``StoredBatch``, its rows,
/// the report queries); SQL, the stored formats and GRDB stay in this module, which imports
/// GRDB `internal`, so the compiler keeps them here.
public final class Store: @unchecked Sendable {
    let queue: DatabaseQueue
    public let path: String

    /// Opens the file at `path`, migrating it to the current schema. `creating`: a missing
    /// file (and its folders) is made, as `run` does; the commands that only read a store
    /// refuse a missing one instead of leaving an empty file behind.
    public init(path: String, busyTimeout: TimeInterval = StoreConnection.defaultBusyTimeout, creating: Bool = false) throws {
        queue = try StoreConnection.open(path: path, busyTimeout: busyTimeout, creating: creating)
        self.path = path
    }

    /// Runs `body` in one read transaction: every query in it sees the same committed state,
    /// whatever another run commits meanwhile.
    public func read<T>(_ body: (StoreSession) throws -> T) throws -> T {
        try queue.read { db in try body(StoreSession(db: db)) }
    }

    /// Runs `body` in one IMMEDIATE transaction (the writer's lock taken at once), committed
    /// when it returns ``TransactionEnd/commit``, rolled back when it returns
    /// ``TransactionEnd/rollback`` or throws: a batch is stored whole or not at all.
    /// `deferringCheckpoints`: the commit does not copy the WAL back into the file on this
    /// thread (a ``BackgroundCheckpoint`` does it while the reports are written).
    public func write(deferringCheckpoints: Bool = false, _ body: (StoreSession) throws -> TransactionEnd) throws {
        try queue.inDatabase { db in
            if deferringCheckpoints { try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
            try db.inTransaction(.immediate) {
                try body(StoreSession(db: db)) == .commit ? .commit : .rollback
            }
        }
    }

    /// A failure of the store as the user reads it: a busy file, a missing batch, a newer
    /// schema, or SQLite's own message with the file's path.
    public static func userError(_ error: Error, path: String) -> PingchaError {
        if let e = error as? PingchaError { return e }
        if let db = error as? DatabaseError, db.resultCode == .SQLITE_BUSY || db.resultCode == .SQLITE_LOCKED {
            return .invalidOption(StoreError.inUse(path: path).description)
        }
        if let db = error as? DatabaseError, let failure = storageCause(db.resultCode) {
            return .invalidOption(StoreError.storage(path: path, cause: failure.cause, undone: failure.undone).description)
        }
        if let s = error as? StoreError { return .invalidOption(s.description) }
        return .invalidOption(StoreError.sqlite(path: path, detail: "\(error)").description)
    }

    /// What went wrong with the file or the disk under it, in words, and whether it stopped a
    /// write (then undone with its transaction); nil for anything else.
    static func storageCause(_ code: ResultCode) -> (cause: String, undone: Bool)? {
        switch code.primaryResultCode {
        case .SQLITE_FULL: ("磁盘空间不足，数据库无法写入", true)
        case .SQLITE_READONLY: ("数据库文件只能读取，不能写入（没有权限，或在只读的磁盘上）", true)
        case .SQLITE_IOERR: ("读写磁盘出错", true)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: ("数据库文件已损坏，或不是 pingcha 的数据库", false)
        case .SQLITE_CANTOPEN: ("无法打开数据库文件（所在文件夹不存在，或没有权限）", false)
        default: nil
        }
    }
}

/// The store inside one transaction of ``Store``: what the queries of this module take. It is
/// valid only inside the closure that received it.
public struct StoreSession {
    let db: Database
}

/// How a write transaction ends.
public enum TransactionEnd: Sendable {
    case commit
    case rollback
}
