import GRDB
import PingchaModel
import PingchaStore

/// The batches a store holds (`pingcha batches`).
public enum BatchCatalogue {
    public static func list(databasePath: String) throws(PingchaError) -> [StoredBatch] {
        do {
            let queue = try StoreConnection.open(path: databasePath)
            return try queue.read { db in try StoredBatch.list(db) }
        } catch {
            throw BatchRun.storeError(error, path: databasePath)
        }
    }
}
