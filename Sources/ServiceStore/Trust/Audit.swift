import Foundation
import GRDB
import ServiceDomain

/// One row of the audit trail: who did what to which record, when, and which fields changed.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var operatorID: Int64?
    public var operatorName: String
    /// `insert`, `update`, `stageChange`, `mileage`, `import`, `setting`, …
    public var action: String
    /// The table name (`customer`, `vehicle`, `repair_order`, …).
    public var entity: String
    public var entityID: Int64?
    /// JSON object. Inserts: `{"column": value}`; updates: `{"column": {"old": …, "new": …}}`.
    public var detail: String
}

/// A JSON value for the audit detail; built from database values so the log shows what was stored.
enum AuditValue: Encodable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case string(String)
    case change(old: DatabaseValue, new: DatabaseValue)
    case object([String: AuditValue])

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .blob(let data): self = .string(data.base64EncodedString())
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .int(let i):
            var c = encoder.singleValueContainer()
            try c.encode(i)
        case .double(let d):
            var c = encoder.singleValueContainer()
            try c.encode(d)
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .change(let old, let new):
            try AuditValue.object(["old": AuditValue(old), "new": AuditValue(new)]).encode(to: encoder)
        case .object(let fields):
            var c = encoder.container(keyedBy: AuditKey.self)
            for (key, value) in fields {
                try c.encode(value, forKey: AuditKey(stringValue: key))
            }
        }
    }

    private struct AuditKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

enum Audit {
    static func append(_ db: Database, operator op: Operator, at now: Date, action: String, entity: String,
                       entityID: RowID?, detail: [String: AuditValue]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(AuditValue.object(detail)), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, operator_id, operator_name, action, entity, entity_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [now, op.staffID, op.name, action, entity, entityID, json])
    }

    /// Inserted values, for an `insert` audit row.
    static func values(_ columns: [(String, DatabaseValue)]) -> [String: AuditValue] {
        var result: [String: AuditValue] = [:]
        for (name, value) in columns { result[name] = AuditValue(value) }
        return result
    }

    /// Changed columns only, with old and new values, for an `update` audit row.
    static func changes(from old: [(String, DatabaseValue)], to new: [(String, DatabaseValue)])
        -> [String: AuditValue] {
        let before = Dictionary(old, uniquingKeysWith: { a, _ in a })
        var result: [String: AuditValue] = [:]
        for (name, value) in new where before[name] != value {
            result[name] = .change(old: before[name] ?? .null, new: value)
        }
        return result
    }

    static func entries(_ db: Database, entity: String, entityID: RowID?, limit: Int) throws -> [AuditEntry] {
        let rows: [Row]
        if let entityID {
            rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?",
                arguments: [entity, entityID, limit])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT ?",
                                    arguments: [entity, limit])
        }
        return try rows.map { row in
            AuditEntry(id: try row.decode(forColumn: "id"), at: try row.decode(forColumn: "at"),
                       operatorID: try row.decode(forColumn: "operator_id"),
                       operatorName: try row.decode(forColumn: "operator_name"),
                       action: try row.decode(forColumn: "action"), entity: try row.decode(forColumn: "entity"),
                       entityID: try row.decode(forColumn: "entity_id"), detail: try row.decode(forColumn: "detail"))
        }
    }
}
