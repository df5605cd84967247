internal import GRDB

/// Bringing a file to the current version when it is opened.
///
/// The migrator records applied migrations in `grdb_migrations`; files written before it
/// (versions 1–4) have no such table, only `PRAGMA user_version` = how many versions were
/// applied. Such a file is bridged once: its first `user_version` identifiers are recorded as
/// applied, and the migrator goes on from there. Every migration keeps `user_version` equal to
/// its version, so the two records agree in every file this code writes.
extension Schema {
    /// Brings the file up to the current version; refuses a file from a newer pingcha
    /// (``StoreError/newerSchema(found:supported:)``) before writing anything to it.
    static func migrate(_ queue: DatabaseQueue) throws {
        let upToDate = try queue.writeWithoutTransaction { db -> Bool in
            // Up to date: no write transaction at all (a reader must not wait for a running batch).
            // The reads share one snapshot: outside a transaction each statement sees the file as
            // it is at that instant, and another pingcha bridging it in between would make the
            // migrator's "no such table" look like an error (its check sees the table by then).
            var upToDate = false
            try db.inTransaction(.deferred) {
                upToDate = try userVersion(db) == currentVersion && migrator.hasCompletedMigrations(db) && !migrator.hasBeenSuperseded(db)
                if !upToDate { try refuseNewer(db) }
                return .commit
            }
            if !upToDate { try bridge(db) }
            return upToDate
        }
        if !upToDate { try runMigrator(queue) }
    }

    static func userVersion(_ db: Database) throws -> Int { try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }

    /// A file from a newer pingcha has a higher `user_version` or a migration this one does not know.
    static func refuseNewer(_ db: Database) throws {
        let version = try userVersion(db)
        let applied = try migrator.appliedIdentifiers(db)
        if version > currentVersion || applied.contains(where: { !migrator.migrations.contains($0) }) {
            throw StoreError.newerSchema(found: max(version, applied.count), supported: currentVersion)
        }
    }

    /// Records the versions a file from before the migrator has (its `user_version`) as applied
    /// migrations. Decided inside a write transaction, so two pingchas opening the same old file
    /// at once do not both record them.
    static func bridge(_ db: Database) throws {
        try db.inTransaction(.immediate) {
            // Read from sqlite_master, not GRDB's schema cache: that was filled before this
            // transaction, and another pingcha may have bridged the file since.
            let bridged = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')")
            guard bridged == false else { return .commit }
            let version = try userVersion(db)
            guard version > 0 else { return .commit }
            guard version <= currentVersion else { throw StoreError.newerSchema(found: version, supported: currentVersion) }
            // The table as GRDB creates it (DatabaseMigrator.runMigrations).
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for v in 1...version {
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier(v)])
            }
            return .commit
        }
    }

    /// Runs the pending migrations, each in its own transaction. Another pingcha opening the same
    /// file may apply one between the migrator's reading what is applied and its transaction
    /// (ours then fails, its tables already being there): when the applied list has moved, the
    /// migrator reads it again, up to once per version.
    static func runMigrator(_ queue: DatabaseQueue) throws {
        var attempts = 0
        while true {
            let before = try queue.read { db in try migrator.appliedIdentifiers(db) }
            do {
                try migrator.migrate(queue)
                return
            } catch {
                let after = try queue.read { db in try migrator.appliedIdentifiers(db) }
                guard after != before, attempts < currentVersion else { throw error }
                attempts += 1
            }
        }
    }
}
