import Foundation
internal import GRDB
import PingchaModel

/// Opens the store: one SQLite file, WAL, foreign keys on, `synchronous=NORMAL` (Debian
/// builds SQLite with FULL, which makes every commit wait for the disk twice).
public enum StoreConnection {
    /// How long a run waits for another run that is writing the same file.
    public static let defaultBusyTimeout: TimeInterval = 30

    /// `creating`: a missing file (and its folders) is made, as `run` does; the commands that
    /// only read a store refuse a missing one instead of leaving an empty file behind.
    static func open(path: String, busyTimeout: TimeInterval = defaultBusyTimeout, creating: Bool = false) throws -> DatabaseQueue {
        if let problem = PathText.fileProblem(path, createsParents: true) { throw PathText.error(path, problem) }
        if !creating { try requireExisting(path) }
        let dir = PathText.parent(path)
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        var config = Configuration()
        config.label = path
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // A new file gets 16 KB pages: a batch appends a gigabyte of rows, and larger
            // pages mean fewer B-tree splits and WAL frames (a quarter faster to insert and to
            // commit). The size only takes before the file turns to WAL, so it is set here
            // rather than with GRDB's `journalMode`; an existing file keeps its page size.
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        try Schema.migrate(queue)
        return queue
    }

    /// A store to read or rescore must exist: the commands that do not create one say so
    /// instead of leaving an empty file behind.
    static func requireExisting(_ path: String) throws {
        guard !Directory.exists(path) else { return }
        throw PathText.notFound(path) == .fileNotFound(path)
            ? PingchaError.unreadable(path, detail: "数据库文件不存在；请先用 pingcha run 导入案件，或用 --db 指定已有的数据库")
            : PathText.notFound(path)
    }
}
