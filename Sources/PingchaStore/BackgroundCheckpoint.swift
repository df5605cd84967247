import Foundation
internal import GRDB

/// Copies a committed batch from the WAL into the database file on a thread of its own,
/// while the reports are written.
///
/// A batch commits hundreds of megabytes of WAL; SQLite would otherwise copy them back
/// into the file at the commit (or when the writing connection closes), on the run's own
/// thread, before the reports could start. The writer turns its automatic checkpoint off (``Store/write(deferringCheckpoints:_:)``),
/// and this connection, opened before the writer closes, keeps the writer's close from
/// checkpointing too. A checkpoint is crash-safe: a run killed during it leaves the batch
/// committed, and the next connection finishes the copy.
public final class BackgroundCheckpoint: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    /// Opens the connection now (the caller's writer must still be open) and starts copying.
    public init(path: String) throws {
        let queue = try StoreConnection.open(path: path)
        let done = done
        Thread.detachNewThread {
            // PASSIVE: never waits for, nor blocks, the readers writing the reports.
            _ = try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
            withExtendedLifetime(queue) {}
            done.signal()
        }
    }

    /// Waits until the copy is done.
    public func wait() {
        done.wait()
        done.signal()
    }
}
