import Foundation
import GRDB
import ServiceDomain

/// Generic row plumbing shared by the typed writes. Table and column names come from the record
/// types (constants), never from user input; values are always bound as arguments.
enum Persistence {
    static func fetch<R: StoredRecord>(_: R.Type, _ db: Database, id: RowID) throws -> R? {
        try records(R.self, db, sql: "SELECT * FROM \(R.table) WHERE id = ?", arguments: [id]).first
    }

    static func fetchAll<R: StoredRecord>(_: R.Type, _ db: Database, where condition: String,
                                          arguments: StatementArguments = []) throws -> [R] {
        try records(R.self, db, sql: "SELECT * FROM \(R.table) WHERE \(condition)", arguments: arguments)
    }

    /// The records `sql` selects (all of the table's columns), decoded straight from the statement. Rows
    /// copied out first (`Row.fetchAll`) find a column by lowercasing every column name on each lookup,
    /// which cost more than the query for a few hundred callbacks; the cursor's row looks names up in a
    /// dictionary built once per statement.
    static func records<R: StoredRecord>(_: R.Type, _ db: Database, sql: String,
                                         arguments: StatementArguments = []) throws -> [R] {
        var result: [R] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { result.append(try R(row: row)) }
        return result
    }

    /// Inserts and returns the record with its new id.
    static func insert<R: StoredRecord>(_ record: R, _ db: Database) throws -> R {
        let columns = record.columns
        let names = columns.map(\.0).joined(separator: ", ")
        let sql = "INSERT INTO \(R.table) (\(names)) VALUES (\(databaseQuestionMarks(count: columns.count)))"
        try db.execute(sql: sql, arguments: StatementArguments(columns.map(\.1)))
        var saved = record
        saved.id = db.lastInsertedRowID
        return saved
    }

    /// Writes every column and bumps the version, but only if the stored version is still `version`.
    /// Returns false when the row changed (or vanished) in the meantime.
    static func update<R: VersionedRecord>(_ record: R, id: RowID, expectedVersion: Int, _ db: Database) throws
        -> Bool {
        let columns = record.columns
        let assignments = (columns.map { "\($0.0) = ?" } + ["version = version + 1"]).joined(separator: ", ")
        try db.execute(sql: "UPDATE \(R.table) SET \(assignments) WHERE id = ? AND version = ?",
                       arguments: StatementArguments(columns.map(\.1) + [id.databaseValue,
                                                                         expectedVersion.databaseValue]))
        return db.changesCount == 1
    }
}

extension AppDatabase {
    /// The refusal for a stale save, naming who saved last and when (from the audit trail).
    func conflictError(_ db: Database, entity: String, id: RowID) throws -> StoreError {
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(entity) WHERE id = ?)",
                                       arguments: [id]) ?? false
        guard exists else { return .notFound(entity: entity, id: id) }
        let last = try Audit.entries(db, entity: entity, entityID: id, limit: 1).first
        return .conflict(entity: entity, id: id, changedBy: last?.operatorName,
                         changedAt: last.map { displayTime($0.at) })
    }

    /// Insert (id nil) or optimistic-lock update of a versioned record, with its audit row.
    /// `auditExtras` adds values that live outside the row (a customer's phones) to the audit detail;
    /// `load` reads the stored record including those values.
    /// A save that changes nothing writes nothing and keeps the version.
    func saveVersioned<R: VersionedRecord>(
        _ db: Database, _ record: R, operator op: Operator, now: Date,
        auditExtras: (R) -> [(String, DatabaseValue)] = { _ in [] },
        load: (Database, RowID) throws -> R? = { db, id in try Persistence.fetch(R.self, db, id: id) }
    ) throws -> (saved: R, changed: Bool) {
        guard let id = record.id else {
            var fresh = record
            fresh.version = 0
            let saved = try Persistence.insert(fresh, db)
            try Audit.append(db, operator: op, at: now, action: "insert", entity: R.table, entityID: saved.id,
                             detail: Audit.values(saved.columns + auditExtras(saved)))
            return (saved, true)
        }
        guard let stored = try load(db, id) else { throw StoreError.notFound(entity: R.table, id: id) }
        guard stored.version == record.version else { throw try conflictError(db, entity: R.table, id: id) }
        let changes = Audit.changes(from: stored.columns + auditExtras(stored),
                                    to: record.columns + auditExtras(record))
        if changes.isEmpty { return (stored, false) }
        guard try Persistence.update(record, id: id, expectedVersion: record.version, db) else {
            throw try conflictError(db, entity: R.table, id: id)
        }
        try Audit.append(db, operator: op, at: now, action: "update", entity: R.table, entityID: id,
                         detail: changes)
        var saved = record
        saved.version = record.version + 1
        return (saved, true)
    }
}
