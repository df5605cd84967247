import Foundation
import GRDB
import PingchaModel
import PingchaTestSupport
@testable import PingchaStore

/// What the store looks like, to compare files table by table.
enum SchemaDump {
    /// `name: col type notnull default pk, …` for every table, and every index with its
    /// columns, in name order; GRDB's own `grdb_migrations` and SQLite's tables left out.
    static func of(_ db: Database) throws -> [String] {
        var lines: [String] = []
        let objects = try Row.fetchAll(db, sql: """
            SELECT type, name, tbl_name, sql FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY type, name
            """)
        for o in objects {
            let type: String = o["type"], name: String = o["name"]
            if type == "table" {
                let columns = try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", arguments: [name])
                    .map { r -> String in
                        let d: String? = r["dflt_value"]
                        return "\(r["name"] as String) \(r["type"] as String)\((r["notnull"] as Int) == 1 ? " NOT NULL" : "")"
                            + (d.map { " DEFAULT \($0)" } ?? "") + ((r["pk"] as Int) > 0 ? " PK\(r["pk"] as Int)" : "")
                    }
                let withoutRowid = ((o["sql"] as String?) ?? "").contains("WITHOUT ROWID")
                lines.append("table \(name)\(withoutRowid ? " WITHOUT ROWID" : ""): " + columns.joined(separator: ", "))
            } else {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [name])
                lines.append("\(type) \(name) ON \(o["tbl_name"] as String) (\(columns.joined(separator: ", ")))")
            }
        }
        return lines
    }
}

/// Files as the pingcha before the migrator wrote them: the first `version` migrations
/// executed directly and `user_version` set, no `grdb_migrations` table.
enum OldFile {
    static func create(at path: String, version: Int, wal: Bool = false, then extra: String = "") throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            if wal { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try db.inTransaction {
                for sql in Schema.migrations.prefix(version) { try db.execute(sql: sql) }
                if !extra.isEmpty { try db.execute(sql: extra) }
                try db.execute(sql: "PRAGMA user_version = \(version)")
                return .commit
            }
        }
    }
}

/// Small catalogues for the store tests.
enum TestCatalogues {
    /// One field of every type, the five key fields among them.
    static let everyType = FieldCatalogue(fields: [
        FieldDefinition(id: "case_id", type: .text, name: "案件编号", required: true),
        FieldDefinition(id: "department", type: .text, name: "执法主体", required: true),
        FieldDefinition(id: "district", type: .text, name: "所属区县"),
        FieldDefinition(id: "enforcement_type", type: .enumeration, name: "执法类别", required: true,
                        values: [AllowedValue(value: "行政处罚"), AllowedValue(value: "行政检查")]),
        FieldDefinition(id: "decision_date", type: .date, name: "决定日期"),
        FieldDefinition(id: "fine_amount", type: .number, name: "罚款金额"),
        FieldDefinition(id: "av_required", type: .bool, name: "是否需要音像记录"),
        FieldDefinition(id: "evidence_types", type: .list, name: "证据种类"),
        FieldDefinition(id: "facts", type: .text, name: "违法事实"),
    ], source: "test/every-type.yaml")

    /// `everyType` without the fields named.
    static func everyType(without ids: Set<String>) -> FieldCatalogue {
        FieldCatalogue(fields: everyType.fields.filter { !ids.contains($0.id) }, source: "test/without.yaml")
    }
}
