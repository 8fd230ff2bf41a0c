import Foundation
import GRDB

/// The result of `advisor check`.
public struct CheckReport: Sendable, Equatable {
    /// One line per problem found; empty when the database is healthy.
    public var problems: [String]
    public var isHealthy: Bool { problems.isEmpty }
}

extension AppDatabase {
    /// Runs SQLite's `integrity_check`, `foreign_key_check` and a consistency check of the search index.
    public func check() throws -> CheckReport {
        try dbPool.read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] {
                problems += integrity.map { "integrity: \($0)" }
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                problems.append("foreign key: \(table) row \(rowid.map(String.init) ?? "?") points to a missing \(parent)")
            }
            // Every vehicle, and every customer without one, must have exactly one search document.
            let expected = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM vehicle)
                     + (SELECT COUNT(*) FROM customer c WHERE NOT EXISTS (SELECT 1 FROM vehicle v WHERE v.owner_id = c.id))
                """) ?? 0
            let indexed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_index") ?? 0
            if expected != indexed {
                problems.append("search index: \(indexed) documents for \(expected) vehicles and customers without vehicles")
            }
            // Every customer has pieces of their name in the short-search index, and no one else has.
            let missing = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM customer WHERE id NOT IN (SELECT customer_id FROM search_short)
                """) ?? 0
            let orphans = try Int.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT customer_id) FROM search_short WHERE customer_id NOT IN (SELECT id FROM customer)
                """) ?? 0
            if missing > 0 || orphans > 0 {
                problems.append("short search index: \(missing) customers missing, \(orphans) removed customers still listed")
            }
            return CheckReport(problems: problems)
        }
    }
}
